using KnowledgeHub.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace KnowledgeHub.Search;

/// <summary>
/// Opens the index directory for <see cref="LuceneIndex"/>: appends to a readable index of the current
/// schema, otherwise removes the Lucene files (only those: <c>segments*</c> and <c>_*</c>) and creates an
/// empty index, which then has no checkpoint and is rebuilt from storage.
/// </summary>
internal static partial class IndexFiles
{
    static IndexFiles() => SearchCodec.Register();

    public static (IndexWriter Writer, SearcherManager Searchers, IndexOpenState State, ChangeLogPosition? Checkpoint) Open(
        LuceneDirectory directory, SearchAnalyzer analyzer, string schema, string schemaKey, string checkpointKey, ILogger logger)
    {
        if (!DirectoryReader.IndexExists(directory))
        {
            return Create(directory, analyzer, IndexOpenState.Missing);
        }

        IndexWriter? writer = null;
        try
        {
            var commit = new SegmentInfos();
            commit.Read(directory);
            if (!commit.UserData.TryGetValue(schemaKey, out var found) || found != schema)
            {
                LogSchemaChanged(logger, found, schema);
                return Recreate(directory, analyzer, IndexOpenState.SchemaChanged);
            }

            writer = new IndexWriter(directory, Config(analyzer, OpenMode.CREATE_OR_APPEND));
            var searchers = new SearcherManager(writer, true, new FacetWarmingSearcherFactory());
            ChangeLogPosition? checkpoint = commit.UserData.TryGetValue(checkpointKey, out var position) ? new ChangeLogPosition(position) : null;
            return (writer, searchers, IndexOpenState.Opened, checkpoint);
        }
        catch (Exception exception) when (IsUnreadableIndex(exception))
        {
            LogCorrupt(logger, exception);
            writer?.Rollback();
            return Recreate(directory, analyzer, IndexOpenState.Corrupt);
        }
    }

    /// <summary>
    /// What Lucene.Net throws for damaged files: CorruptIndexException and its format subclasses,
    /// EndOfStreamException, FileNotFoundException, a plain IOException for a bad codec header, and an
    /// ArgumentException for a truncated compound file. A held write lock is not damage.
    /// </summary>
    private static bool IsUnreadableIndex(Exception exception) =>
        exception is (IOException and not LockObtainFailedException) or ArgumentException;

    private static (IndexWriter, SearcherManager, IndexOpenState, ChangeLogPosition?) Recreate(
        LuceneDirectory directory, SearchAnalyzer analyzer, IndexOpenState state)
    {
        using (var writeLock = directory.MakeLock(IndexWriter.WRITE_LOCK_NAME))
        {
            if (!writeLock.Obtain())
            {
                throw new LockObtainFailedException($"The search index is locked by another process: {writeLock}");
            }

            foreach (var file in directory.ListAll())
            {
                if (file.StartsWith(IndexFileNames.SEGMENTS, StringComparison.Ordinal) || file.StartsWith('_'))
                {
                    directory.DeleteFile(file);
                }
            }
        }

        return Create(directory, analyzer, state);
    }

    private static (IndexWriter, SearcherManager, IndexOpenState, ChangeLogPosition?) Create(
        LuceneDirectory directory, SearchAnalyzer analyzer, IndexOpenState state)
    {
        var writer = new IndexWriter(directory, Config(analyzer, OpenMode.CREATE));
        return (writer, new SearcherManager(writer, true, new FacetWarmingSearcherFactory()), state, null);
    }

    /// <summary>
    /// A 64 MB buffer (Lucene's default is 16), so a rebuild flushes few, large segments and merges less; merged
    /// segments over 16 MB or a tenth of the index are not packed into compound files (a copy that saves only file
    /// handles); small flushes from single changes stay compound. Small merges, few segments: every search looks each
    /// of its terms up once per segment, and each saved change commits a one-document segment. Lucene's defaults (ten per
    /// tier, ten at once) only merge once ten small segments pile up: 100 saves at 20k documents left 20 segments, and a
    /// search used ~15 % more CPU and four times the memory it used on one (scale benchmark, in-process). Two per tier,
    /// three at once keeps four to seven (a merge of three one-document segments costs milliseconds); a rebuild is merged
    /// into one segment at its end either way, and an idle index merges its small segments (<see cref="CompactingMergePolicy"/>).
    /// Segments are written with <see cref="SearchCodec"/> (stored fields in small chunks, so a hit's read decompresses little).
    /// </summary>
    private static IndexWriterConfig Config(SearchAnalyzer analyzer, OpenMode mode) =>
        new(SearchAnalyzer.Version, analyzer)
        {
            OpenMode = mode,
            Codec = new SearchCodec(),
            RAMBufferSizeMB = 64,
            MergePolicy = new CompactingMergePolicy { NoCFSRatio = 0.1, MaxCFSSegmentSizeMB = 16, SegmentsPerTier = 2, MaxMergeAtOnce = 3 },

            // Keeps a commit's files while a snapshot of it uploads (Snapshots/SnapshotPublisher); otherwise only the last.
            IndexDeletionPolicy = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy()),
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index could not be read; it will be rebuilt from storage")]
    private static partial void LogCorrupt(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index has schema {Found}, this version uses {Expected}; it will be rebuilt from storage")]
    private static partial void LogSchemaChanged(ILogger logger, string? found, string expected);
}
