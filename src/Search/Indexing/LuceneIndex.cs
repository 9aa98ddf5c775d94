using System.Globalization;
using KnowledgeHub.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace KnowledgeHub.Search;

/// <summary>How the index was found when the process opened it.</summary>
public enum IndexOpenState
{
    /// <summary>An existing index of the current schema was opened.</summary>
    Opened,

    /// <summary>There was no index: an empty one was created.</summary>
    Missing,

    /// <summary>The index could not be read: its files were removed and an empty one was created.</summary>
    Corrupt,

    /// <summary>The index had another schema version: an empty one was created.</summary>
    SchemaChanged,
}

/// <summary>
/// The process's one Lucene index: the directory, the single <see cref="IndexWriter"/> and a
/// <see cref="SearcherManager"/>. Every commit carries the change-log checkpoint and the schema version;
/// an index without a checkpoint (<see cref="NeedsRebuild"/>) is rebuilt from storage by the synchronizer.
/// Changes not committed with a checkpoint are rolled back on dispose: the change log replays them.
/// </summary>
public sealed partial class LuceneIndex : IDisposable
{
    private const string CheckpointKey = "kh.checkpoint";
    private const string SchemaKey = "kh.schema";

    private static readonly string Schema = SearchFields.SchemaVersion.ToString(CultureInfo.InvariantCulture);

    private readonly FSDirectory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly System.Threading.Lock commitGate = new();
    private readonly CompactingMergePolicy mergePolicy;
    private readonly TimeSpan compactAfterIdle;
    private readonly ITimer? compactionTimer;
    private readonly ILogger<LuceneIndex> logger;
    private ChangeLogPosition? checkpoint;
    private TaskCompletionSource built = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int compacting;
    private int disposed;

    /// <summary>
    /// Opens (or creates) the index at <paramref name="indexPath"/>. With <paramref name="compactAfterIdle"/>, the small
    /// segments are merged into one when that long has passed since the last commit (and once after opening): see
    /// <see cref="CompactSmallSegments"/>.
    /// </summary>
    public LuceneIndex(string indexPath, SearchAnalyzer analyzer, ILogger<LuceneIndex> logger, TimeSpan? compactAfterIdle = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(indexPath);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(logger);
        Path = System.IO.Path.GetFullPath(indexPath);
        System.IO.Directory.CreateDirectory(Path);
        // Memory maps read through a pointer, not FSDirectory.Open's MMapDirectory (Lucene.Net 4.8 reads it byte by byte
        // through a SafeBuffer, lucenenet #1151) nor NIOFSDirectory's FileStream (see MappedFSDirectory).
        directory = new MappedFSDirectory(new System.IO.DirectoryInfo(Path));
        try
        {
            (writer, searchers, OpenState, checkpoint) = IndexFiles.Open(directory, analyzer, Schema, SchemaKey, CheckpointKey, logger);
        }
        catch
        {
            // E.g. another process holds the write lock: release the directory before failing.
            directory.Dispose();
            throw;
        }

        this.logger = logger;
        if (checkpoint is not null)
        {
            built.SetResult();
        }

        mergePolicy = (CompactingMergePolicy)writer.Config.MergePolicy;
        this.compactAfterIdle = compactAfterIdle ?? TimeSpan.Zero;
        if (this.compactAfterIdle > TimeSpan.Zero)
        {
            compactionTimer = TimeProvider.System.CreateTimer(_ => CompactWhenIdle(), null, this.compactAfterIdle, Timeout.InfiniteTimeSpan);
        }

        LogOpened(logger, Path, OpenState, checkpoint?.Value);
    }

    public string Path { get; }

    public IndexOpenState OpenState { get; }

    /// <summary>The change-log position the last commit has applied; null until the index is built.</summary>
    public ChangeLogPosition? Checkpoint
    {
        get
        {
            lock (commitGate)
            {
                return checkpoint;
            }
        }
    }

    /// <summary>True when the index holds no checkpoint: missing, corrupt, another schema, or a rebuild was interrupted.</summary>
    public bool NeedsRebuild => Checkpoint is null;

    /// <summary>
    /// Waits until the index holds a checkpoint (opened built, restored from a snapshot, or rebuilt), at most
    /// <paramref name="timeout"/>; true when it does. A view that loads from the index (the glossary) waits here on a
    /// joining node rather than read every manifest while the snapshot is restored.
    /// </summary>
    public async Task<bool> WaitUntilBuiltAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task waiting;
        lock (commitGate)
        {
            if (checkpoint is not null)
            {
                return true;
            }

            waiting = built.Task;
        }

        try
        {
            await waiting.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return Checkpoint is not null;
        }
    }

    /// <summary>Documents in the current searcher (entries of kind document; their lessons and action items not counted).</summary>
    public int DocumentCount => Search(searcher =>
    {
        var counter = new TotalHitCountCollector();
        searcher.Search(new TermQuery(new Term(SearchFields.Kind, EntryKinds.Document)), counter);
        return counter.TotalHits;
    });

    /// <summary>Every live entry in the current searcher: documents, lessons and action items.</summary>
    public int EntryCount => Search(searcher => searcher.IndexReader.NumDocs);

    /// <summary>
    /// Replaces every entry of document <paramref name="documentId"/> with <paramref name="entries"/> in one atomic
    /// step (idempotent); visible after the next <see cref="Commit"/>. Each entry must carry <see cref="SearchFields.DocId"/>.
    /// </summary>
    public void Replace(string documentId, IReadOnlyList<LuceneDocument> entries)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Any(e => e.Get(SearchFields.DocId, CultureInfo.InvariantCulture) != documentId))
        {
            throw new ArgumentException($"Every entry must carry {SearchFields.DocId} '{documentId}'.", nameof(entries));
        }

        writer.UpdateDocuments(new Term(SearchFields.DocId, documentId), entries);
    }

    /// <summary>
    /// Replaces every entry of the document with this one entry (see <see cref="Replace"/>), e.g. from
    /// <see cref="DocumentMapper.Map(DocumentManifest, DocumentVersion)"/>; <see cref="SearchFields.DocId"/> is added when missing.
    /// </summary>
    public void Upsert(string id, LuceneDocument document)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(document);
        if (document.GetField(SearchFields.DocId) is null)
        {
            document.Add(new Lucene.Net.Documents.StringField(SearchFields.DocId, id, Lucene.Net.Documents.Field.Store.YES));
        }

        Replace(id, [document]);
    }

    /// <summary>Deletes the document and all its entries.</summary>
    public void Delete(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        writer.DeleteDocuments(new Term(SearchFields.DocId, id));
    }

    /// <summary>
    /// Starts a rebuild: forgets the checkpoint and deletes every document (searchers keep the old view until the commit).
    /// Until the next <see cref="Commit"/>, flushed segments are not packed into a compound file: a rebuild's segments are
    /// large, and packing copies every byte once more (as merged segments over 16 MB are left unpacked).
    /// </summary>
    public void DeleteAll()
    {
        lock (commitGate)
        {
            Forget();
        }

        writer.Config.UseCompoundFile = false;
        writer.DeleteAll();
    }

    /// <summary>Forgets the checkpoint so the next catch-up rebuilds (e.g. after an interrupted rebuild).</summary>
    public void MarkNeedsRebuild()
    {
        lock (commitGate)
        {
            Forget();
        }
    }

    /// <summary>
    /// Merges the index into one segment (before the commit that follows a rebuild). Every query term is looked up once
    /// per segment, each lookup allocating its own term enumerator: a 20k-document rebuild leaves about 14 segments, and
    /// merging them cut the managed memory a search allocates by 60 % and its CPU by a tenth (scale benchmark, in-process).
    /// Later changes add small segments that the merge policy folds in as usual.
    /// </summary>
    public void MergeIntoOneSegment() => writer.ForceMerge(1);

    /// <summary>
    /// Commits everything applied so far with <paramref name="position"/> and refreshes the searchers — before the new
    /// <see cref="Checkpoint"/> can be read: it keys the home page's and the dashboard's cached lists and tells a writer
    /// that its change is searchable, so a reader that sees it must find the searchers at that commit too (refreshed after
    /// the gate opened, a dashboard computed in between was cached, stale, under the new checkpoint for 30 s).
    /// </summary>
    public void Commit(ChangeLogPosition position)
    {
        lock (commitGate)
        {
            CommitLocked(position);
            searchers.MaybeRefreshBlocking();
        }

        compactionTimer?.Change(compactAfterIdle, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Merges the index's small segments (see <see cref="CompactingMergePolicy"/>) into one, commits it — and any merge
    /// finished since the last commit — with the current checkpoint and refreshes the searchers; returns how many segments
    /// and bytes the compaction merged (none: fewer than two small segments, a rebuild pending, or a compaction running). Changes applied but not yet committed are committed
    /// with the checkpoint before them, which the change log replays on a restart as it replays any uncommitted change.
    /// </summary>
    public (int Segments, long Bytes) CompactSmallSegments()
    {
        if (Interlocked.Exchange(ref compacting, 1) != 0)
        {
            return (0, 0);
        }

        try
        {
            if (Checkpoint is null)
            {
                return (0, 0);
            }

            // The tiered merges under way first, so the compaction sees the segments they leave.
            writer.WaitForMerges();
            mergePolicy.RequestCompaction();
            writer.MaybeMerge();
            writer.WaitForMerges();
            var merged = mergePolicy.LastCompaction;
            lock (commitGate)
            {
                if (checkpoint is not { } position)
                {
                    return (0, 0); // a rebuild began meanwhile: its commit comes later
                }

                // Also what the tiered merges did after the last commit: its searchers still read the merged-away segments
                // (the sample content's searcher read four segments after four saves while the writer held one).
                if (merged.Segments > 0 || writer.HasUncommittedChanges())
                {
                    CommitLocked(position);
                }

                searchers.MaybeRefreshBlocking(); // under the gate, as in Commit
            }

            return merged;
        }
        finally
        {
            Volatile.Write(ref compacting, 0);
        }
    }

    /// <summary>The segments the current searcher reads (for tests and diagnostics).</summary>
    public int SegmentCount => Search(searcher => searcher.IndexReader.Leaves.Count);

    /// <summary>Waits for the tiered merges under way and shows their result to searches (tests: <see cref="SegmentCount"/> then counts what is left).</summary>
    internal void SettleMerges()
    {
        writer.WaitForMerges();
        searchers.MaybeRefreshBlocking();
    }

    private void CommitLocked(ChangeLogPosition position)
    {
        writer.SetCommitData(new Dictionary<string, string>
        {
            [SchemaKey] = Schema,
            [CheckpointKey] = position.Value ?? "",
        });
        writer.Commit();
        checkpoint = position;
        built.TrySetResult();
        writer.Config.UseCompoundFile = true; // small flushes from single changes stay compound (see DeleteAll)
    }

    /// <summary>No checkpoint from now until the next commit (under the commit gate): waiters wait for that commit.</summary>
    private void Forget()
    {
        checkpoint = null;
        if (built.Task.IsCompleted)
        {
            built = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private void CompactWhenIdle()
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            if (CompactSmallSegments() is { Segments: > 0 } merged)
            {
                LogCompacted(logger, merged.Segments, merged.Bytes / 1024, compactAfterIdle.TotalSeconds, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        catch (Exception exception) when (Volatile.Read(ref disposed) != 0 && exception is ObjectDisposedException or MergePolicy.MergeAbortedException)
        {
            // Closing: the writer rolled the merge back.
        }
#pragma warning disable CA1031 // a timer callback: a failed compaction is logged, the index stays as it was
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogCompactionFailed(logger, exception);
        }
    }

    /// <summary>
    /// Runs <paramref name="search"/> on a searcher that holds every change up to the checkpoint returned with it, so a
    /// view loaded from the index and then fed the change log after that checkpoint misses nothing; null while the index
    /// is not built or a rebuild has begun (there is no checkpoint to start from).
    /// </summary>
    public (ChangeLogPosition Checkpoint, T Result)? SearchAtCheckpoint<T>(Func<IndexSearcher, T> search)
    {
        ArgumentNullException.ThrowIfNull(search);
        ChangeLogPosition position;
        IndexSearcher searcher;
        lock (commitGate)
        {
            // Under the gate no commit moves the checkpoint and no rebuild begins (both take the gate first), and every
            // commit refreshes the searchers before it lets go: the searcher holds at least what the checkpoint names.
            if (checkpoint is not { } current)
            {
                return null;
            }

            position = current;
            searcher = searchers.Acquire();
        }

        try
        {
            return (position, search(searcher));
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Runs <paramref name="search"/> on the current searcher (acquired and released around it).</summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var searcher = searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        compactionTimer?.Dispose();
        searchers.Dispose();
        writer.Rollback();
        directory.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index: merged {Segments} small segments ({Kilobytes} KB) into one after {IdleSeconds} s without changes, in {Milliseconds:F0} ms")]
    private static partial void LogCompacted(ILogger logger, int segments, long kilobytes, double idleSeconds, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index: merging the small segments failed; the index stays as it was")]
    private static partial void LogCompactionFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index at {IndexPath}: {OpenState}, checkpoint {Checkpoint}")]
    private static partial void LogOpened(ILogger logger, string indexPath, IndexOpenState openState, string? checkpoint);
}
