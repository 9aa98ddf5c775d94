using System.ComponentModel.DataAnnotations;

namespace KnowledgeHub.Search.Extraction;

/// <summary>The <c>Search:Extraction</c> settings of <see cref="AttachmentTextExtractor"/> and <see cref="ExtractionQueue"/>, validated at start-up.</summary>
public sealed class ExtractionOptions : IValidatableObject
{
    public const string SectionName = "Search:Extraction";

    /// <summary>How long one file may take before the extractor process (tree) is killed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "The setting Search:Extraction:Timeout must be between 00:00:01 and 00:10:00.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The most characters kept from one file; the rest is cut off (the result says Truncated).</summary>
    [Range(1_000, 100_000_000, ErrorMessage = "The setting Search:Extraction:MaxOutputChars must be between 1000 and 100000000.")]
    public int MaxOutputChars { get; set; } = 2_000_000;

    /// <summary>The extractor's GC heap limit (DOTNET_GCHeapHardLimit): a decompression bomb runs out of memory, not the machine.</summary>
    [Range(64L * 1024 * 1024, 64L * 1024 * 1024 * 1024, ErrorMessage = "The setting Search:Extraction:MaxMemoryBytes must be between 67108864 (64 MB) and 68719476736 (64 GB).")]
    public long MaxMemoryBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>How many attachments wait for extraction at most; more are dropped (and queued again the next time their document is indexed).</summary>
    [Range(1, 1_000_000, ErrorMessage = "The setting Search:Extraction:QueueCapacity must be between 1 and 1000000.")]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>How many attachments the background queue extracts at once (each in its own extractor process for PDF and Office files).</summary>
    [Range(1, 64, ErrorMessage = "The setting Search:Extraction:MaxConcurrency must be between 1 and 64.")]
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>KnowledgeHub.Extractor.dll; empty: <c>extractor/</c> next to the app, then the repository's build output.</summary>
    public string? ExtractorPath { get; set; }

    /// <summary>The <c>dotnet</c> host that runs the extractor; empty: the host running this process.</summary>
    public string? DotnetPath { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(ExtractorPath) && !File.Exists(ExtractorPath))
        {
            yield return new ValidationResult(
                $"The setting Search:Extraction:ExtractorPath is '{ExtractorPath}', which is not a file. Point it at KnowledgeHub.Extractor.dll or leave it empty.",
                [nameof(ExtractorPath)]);
        }

        if (!string.IsNullOrWhiteSpace(DotnetPath) && !File.Exists(DotnetPath))
        {
            yield return new ValidationResult(
                $"The setting Search:Extraction:DotnetPath is '{DotnetPath}', which is not a file. Point it at the dotnet executable or leave it empty.",
                [nameof(DotnetPath)]);
        }
    }
}
