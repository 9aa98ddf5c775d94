using System.ComponentModel.DataAnnotations;

namespace KnowledgeHub.Search.Snapshots;

/// <summary>
/// The <c>Search:Snapshots</c> section: index snapshots kept in the blob store, so a node that starts without an index
/// downloads the newest one and follows the change log from its checkpoint instead of rebuilding from every document.
/// </summary>
public sealed class IndexSnapshotOptions
{
    public const string SectionName = "Search:Snapshots";

    /// <summary>Publish snapshots (one node per interval, roughly) and restore from them. On by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often a node looks whether the newest snapshot is older than this and behind its own index, and publishes one.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "The setting Search:Snapshots:Interval must be between 00:00:01 and 7.00:00:00.")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);
}
