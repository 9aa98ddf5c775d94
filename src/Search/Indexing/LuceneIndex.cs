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
    private ChangeLogPosition? checkpoint;
    private int disposed;

    public LuceneIndex(string indexPath, SearchAnalyzer analyzer, ILogger<LuceneIndex> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(indexPath);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(logger);
        Path = System.IO.Path.GetFullPath(indexPath);
        System.IO.Directory.CreateDirectory(Path);
        // Positional reads on a shared handle, not FSDirectory.Open's memory map (Lucene.Net 4.8's MMapDirectory reads byte
        // by byte through a SafeBuffer, lucenenet #1151) nor NIOFSDirectory's FileStream (see PositionalFSDirectory).
        directory = new PositionalFSDirectory(new System.IO.DirectoryInfo(Path));
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
            checkpoint = null;
        }

        writer.Config.UseCompoundFile = false;
        writer.DeleteAll();
    }

    /// <summary>Forgets the checkpoint so the next catch-up rebuilds (e.g. after an interrupted rebuild).</summary>
    public void MarkNeedsRebuild()
    {
        lock (commitGate)
        {
            checkpoint = null;
        }
    }

    /// <summary>
    /// Merges the index into one segment (before the commit that follows a rebuild). Every query term is looked up once
    /// per segment, each lookup allocating its own term enumerator: a 20k-document rebuild leaves about 14 segments, and
    /// merging them cut the managed memory a search allocates by 60 % and its CPU by a tenth (scale benchmark, in-process).
    /// Later changes add small segments that the merge policy folds in as usual.
    /// </summary>
    public void MergeIntoOneSegment() => writer.ForceMerge(1);

    /// <summary>Commits everything applied so far with <paramref name="position"/> and refreshes the searchers.</summary>
    public void Commit(ChangeLogPosition position)
    {
        lock (commitGate)
        {
            writer.SetCommitData(new Dictionary<string, string>
            {
                [SchemaKey] = Schema,
                [CheckpointKey] = position.Value ?? "",
            });
            writer.Commit();
            checkpoint = position;
            writer.Config.UseCompoundFile = true; // small flushes from single changes stay compound (see DeleteAll)
        }

        searchers.MaybeRefreshBlocking();
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

        searchers.Dispose();
        writer.Rollback();
        directory.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index at {IndexPath}: {OpenState}, checkpoint {Checkpoint}")]
    private static partial void LogOpened(ILogger logger, string indexPath, IndexOpenState openState, string? checkpoint);
}
