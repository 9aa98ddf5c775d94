using System.ComponentModel.DataAnnotations;

namespace KnowledgeHub.Documents.Following;

/// <summary>The "Following" configuration section: how the node's change-log follower polls and how long a write waits for it.</summary>
public sealed class FollowingOptions
{
    public const string SectionName = "Following";

    /// <summary>
    /// How often, at most, an idle follower looks for changes made by other nodes (the longest pause between two
    /// polls). Changes made by this node wake it at once, so this only bounds how late another node's change shows up
    /// here after a quiet spell.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "The setting Following:PollInterval must be between 00:00:00.010 and 01:00:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The pause between polls right after a round that found changes (other nodes are busy, more are likely soon), kept
    /// for <see cref="ActiveFor"/>; then it doubles with every quiet round up to <see cref="PollInterval"/>. Never longer
    /// than <see cref="PollInterval"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "The setting Following:ActivePollInterval must be between 00:00:00.010 and 01:00:00.")]
    public TimeSpan ActivePollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long after a round that found changes the follower keeps polling every <see cref="ActivePollInterval"/>
    /// before it starts slowing down (a change of another node that comes within it is seen within one active interval).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "The setting Following:ActiveFor must be between 00:00:00 and 00:10:00.")]
    public TimeSpan ActiveFor { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long a write waits, at most, for this node's views (the search index) to take its change before it answers
    /// (read your own writes). Past it the write answers anyway and says the document will appear in search shortly.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "The setting Following:WaitForChange must be between 00:00:00 and 00:01:00.")]
    public TimeSpan WaitForChange { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a write request waits, at most, for storage to commit its write (a save, a create). Past it the request
    /// answers 503 with Retry-After and the write goes on by itself (see UseCases.BoundedWrite): slow storage never makes a
    /// save hang until the browser gives up.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "The setting Following:WriteTimeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>At most this many changes are read and applied in one round (a node far behind catches up in steps).</summary>
    [Range(1, 1_000_000, ErrorMessage = "The setting Following:MaxBatch must be between 1 and 1000000.")]
    public int MaxBatch { get; set; } = 1_000;

    /// <summary>After a failed round the follower waits this long before the next one (doubling up to ten times as long).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "The setting Following:RetryDelay must be between 00:00:00.010 and 00:10:00.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
