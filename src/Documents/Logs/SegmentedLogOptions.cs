namespace KnowledgeHub.Documents.Logs;

/// <summary>How big a segment may grow, and how long readers wait for late writers at a UTC day boundary.</summary>
internal sealed record SegmentedLogOptions
{
    /// <summary>
    /// 1 MiB: a segment rolls over once an append leaves it at least this long. Lines of both logs are longer than
    /// 80 bytes, so a segment holds at most ~13,000 appends (plus one per writer that raced the roll), far below the
    /// 50,000 blocks of an Azure append blob.
    /// </summary>
    public static SegmentedLogOptions Default { get; } = new();

    public long MaxSegmentBytes { get; init; } = 1 << 20;

    /// <summary>
    /// A reader leaves the last segment of a day for a later day's only this long after that day began (by its clock),
    /// so a writer whose clock runs behind by less than this is still read from the old segment.
    /// </summary>
    public TimeSpan DayBoundaryGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether a line that may have landed in a segment readers have already left is appended again to the current
    /// segment (the change log's consumers apply changes idempotently; the audit log is read by whole days and must
    /// not count a record twice).
    /// </summary>
    public bool RepeatPossiblyLateLines { get; init; }
}
