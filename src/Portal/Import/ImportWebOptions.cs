using System.ComponentModel.DataAnnotations;

namespace KnowledgeHub.Portal.Import;

/// <summary>The <c>Import</c> settings of the import page, validated at start-up.</summary>
public sealed class ImportWebOptions
{
    public const string SectionName = "Import";

    /// <summary>The largest upload of one batch (all files, or the zip, together).</summary>
    [Range(1024 * 1024, 64L * 1024 * 1024 * 1024, ErrorMessage = "The setting Import:MaxBatchBytes must be between 1048576 (1 MB) and 68719476736 (64 GB).")]
    public long MaxBatchBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Files converted and written at once in one batch.</summary>
    [Range(1, 32, ErrorMessage = "The setting Import:Parallelism must be between 1 and 32.")]
    public int Parallelism { get; set; } = 8;

    /// <summary>Where uploaded batches wait while they are imported; empty: a folder under the system's temp folder.</summary>
    public string? SpoolPath { get; set; }
}
