namespace KnowledgeHub.Documents.Import;

/// <summary>A moment of a running batch, for a progress bar: counts, and the time left estimated from the pace so far.</summary>
public sealed record ImportProgressSnapshot(int Total, int Done, int Imported, int Skipped, int Failed, TimeSpan Elapsed, TimeSpan? Remaining, bool Finished);

/// <summary>The live counters of one batch, updated by the importer's workers and read by pages and the command line.</summary>
public sealed class ImportProgress(TimeProvider time)
{
    private readonly long started = time.GetTimestamp();
    private int total;
    private int done;
    private int imported;
    private int skipped;
    private int failed;
    private long finishedAt;

    public ImportProgress()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Raised after each file (from a worker thread).</summary>
    public event EventHandler<ImportItem>? ItemDone;

    public void Start(int files) => Volatile.Write(ref total, files);

    public void Add(ImportItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _ = item.Outcome switch
        {
            ImportOutcome.Imported or ImportOutcome.WouldImport => Interlocked.Increment(ref imported),
            ImportOutcome.Skipped => Interlocked.Increment(ref skipped),
            _ => Interlocked.Increment(ref failed),
        };
        Interlocked.Increment(ref done);
        ItemDone?.Invoke(this, item);
    }

    public void Finish() => Interlocked.CompareExchange(ref finishedAt, time.GetTimestamp(), 0);

    public ImportProgressSnapshot Snapshot()
    {
        var end = Interlocked.Read(ref finishedAt);
        var elapsed = time.GetElapsedTime(started, end == 0 ? time.GetTimestamp() : end);
        var (all, finished) = (Volatile.Read(ref total), Volatile.Read(ref done));
        TimeSpan? remaining = end != 0 ? TimeSpan.Zero : finished == 0 ? null : elapsed / finished * Math.Max(all - finished, 0);
        return new ImportProgressSnapshot(all, finished, Volatile.Read(ref imported), Volatile.Read(ref skipped), Volatile.Read(ref failed), elapsed, remaining, end != 0);
    }
}
