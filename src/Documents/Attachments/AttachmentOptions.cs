using System.ComponentModel.DataAnnotations;

namespace KnowledgeHub.Documents;

/// <summary>Settings of the <c>Documents:Attachments</c> section, validated at start-up.</summary>
public sealed class AttachmentOptions
{
    public const string SectionName = "Documents:Attachments";

    /// <summary>The largest file accepted (default 50 MB); larger uploads are refused as too large (413).</summary>
    [Range(1L, 4L * 1024 * 1024 * 1024, ErrorMessage = "The setting Documents:Attachments:MaxBytes must be between 1 and 4294967296 (4 GB).")]
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Zip-bomb check of Office files: the most entries an archive may have.</summary>
    [Range(1, 1_000_000, ErrorMessage = "The setting Documents:Attachments:MaxArchiveEntries must be between 1 and 1000000.")]
    public int MaxArchiveEntries { get; set; } = 5_000;

    /// <summary>Zip-bomb check: the most bytes all entries may declare once uncompressed (default 512 MB).</summary>
    [Range(1L, long.MaxValue, ErrorMessage = "The setting Documents:Attachments:MaxArchiveUncompressedBytes must be at least 1.")]
    public long MaxArchiveUncompressedBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Zip-bomb check: the highest uncompressed/compressed ratio of an entry larger than 1 MB uncompressed.</summary>
    [Range(2, 100_000, ErrorMessage = "The setting Documents:Attachments:MaxCompressionRatio must be between 2 and 100000.")]
    public int MaxCompressionRatio { get; set; } = 100;
}
