using Lucene.Net.Analysis.Standard;
using Lucene.Net.Index;
using Lucene.Net.Store;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace KnowledgeHub.Search.Tests;

/// <summary>The index is derived data: missing, corrupt or foreign indexes are rebuilt from storage.</summary>
public sealed class IndexRecoveryTests : IAsyncLifetime
{
    private readonly SearchHost host = SearchHost.Create();

    public async Task InitializeAsync()
    {
        await host.AddAsync(new TestDoc("kept-one", "留存复盘", "留存 retention"));
        await host.AddAsync(new TestDoc("kept-two", "拉新复盘", "拉新 acquisition"));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_missing_index_folder_is_created_empty_and_rebuilt_on_the_first_catch_up()
    {
        host.ReopenIndex(path => System.IO.Directory.Delete(path, recursive: true));
        Assert.Equal(IndexOpenState.Missing, host.Index.OpenState);
        Assert.True(host.Index.NeedsRebuild);
        Assert.Empty(host.Ids("复盘"));

        await host.Synchronizer.CatchUpAsync(CancellationToken.None);

        Assert.False(host.Index.NeedsRebuild);
        Assert.Equal(["kept-one", "kept-two"], host.Ids("复盘"));
    }

    public static TheoryData<string> Corruptions => ["garbage in every file", "garbage segments file", "truncated compound file", "deleted compound file", "only garbage files"];

    [Theory]
    [MemberData(nameof(Corruptions))]
    public async Task A_corrupt_index_is_replaced_and_rebuilt(string corruption)
    {
        host.ReopenIndex(path => Corrupt(path, corruption));
        Assert.Equal(IndexOpenState.Corrupt, host.Index.OpenState);
        Assert.True(host.Index.NeedsRebuild);

        await host.Synchronizer.CatchUpAsync(CancellationToken.None);

        Assert.Equal(["kept-one", "kept-two"], host.Ids("复盘"));
    }

    [Fact]
    public void Files_that_are_not_Lucene_files_survive_a_corrupt_index_reset()
    {
        host.ReopenIndex(path =>
        {
            Corrupt(path, "garbage in every file");
            File.WriteAllText(Path.Combine(path, "README.txt"), "not ours");
        });

        Assert.Equal(IndexOpenState.Corrupt, host.Index.OpenState);
        Assert.True(File.Exists(Path.Combine(host.IndexPath, "README.txt")));
    }

    [Fact]
    public async Task An_index_written_without_the_schema_version_is_rebuilt()
    {
        host.ReopenIndex(path =>
        {
            System.IO.Directory.Delete(path, recursive: true);
            using var directory = FSDirectory.Open(path);
            using var analyzer = new StandardAnalyzer(SearchAnalyzer.Version);
            using var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzer.Version, analyzer));
            writer.AddDocument(new LuceneDocument { new Lucene.Net.Documents.StringField("id", "stranger", Lucene.Net.Documents.Field.Store.YES) });
            writer.Commit();
        });
        Assert.Equal(IndexOpenState.SchemaChanged, host.Index.OpenState);

        await host.Synchronizer.CatchUpAsync(CancellationToken.None);

        Assert.Equal(2, host.Index.DocumentCount);
    }

    [Fact]
    public async Task An_index_of_the_previous_schema_version_is_rebuilt()
    {
        host.ReopenIndex(path =>
        {
            using var directory = FSDirectory.Open(path);
            using var analyzer = new StandardAnalyzer(SearchAnalyzer.Version);
            using var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzer.Version, analyzer) { OpenMode = OpenMode.APPEND });
            writer.SetCommitData(new Dictionary<string, string> { ["kh.schema"] = (SearchFields.SchemaVersion - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ["kh.checkpoint"] = "x" });
            writer.Commit();
        });
        Assert.Equal(IndexOpenState.SchemaChanged, host.Index.OpenState);
        Assert.True(host.Index.NeedsRebuild);

        await host.Synchronizer.CatchUpAsync(CancellationToken.None);

        Assert.Equal(["kept-one", "kept-two"], host.Ids("复盘"));
    }

    [Fact]
    public async Task A_healthy_index_reopens_with_its_checkpoint_and_replays_only_later_changes()
    {
        var checkpoint = host.Index.Checkpoint;

        host.ReopenIndex();

        Assert.Equal(IndexOpenState.Opened, host.Index.OpenState);
        Assert.Equal(checkpoint, host.Index.Checkpoint);
        Assert.Equal(["kept-one", "kept-two"], host.Ids("复盘"));

        await host.AddAsync(new TestDoc("while-away", "新增复盘", "重启之后"));
        Assert.Equal(["kept-one", "kept-two", "while-away"], host.Ids("复盘"));
    }

    [Fact]
    public async Task Changes_made_while_the_index_was_closed_are_applied_on_catch_up()
    {
        host.CloseIndex();
        await host.Repository.CreateAsync(new TestDoc("offline-doc", "离线复盘", "离线").ToNewDocument(), TestCallers.Alice, CancellationToken.None);
        host.OpenIndex();
        Assert.DoesNotContain("offline-doc", host.Ids("复盘"));

        await host.Synchronizer.CatchUpAsync(CancellationToken.None);

        Assert.Contains("offline-doc", host.Ids("复盘"));
    }

    [Fact]
    public void An_index_in_use_by_another_writer_is_refused_not_wiped()
    {
        Assert.Throws<LockObtainFailedException>(() => new LuceneIndex(host.IndexPath, host.Analyzer, Microsoft.Extensions.Logging.Abstractions.NullLogger<LuceneIndex>.Instance));

        Assert.Equal(["kept-one", "kept-two"], host.Ids("复盘"));
        host.ReopenIndex();
        Assert.Equal(IndexOpenState.Opened, host.Index.OpenState);
    }

    [Fact]
    public async Task An_explicit_rebuild_reindexes_every_document_and_reports_the_count()
    {
        var count = await host.Synchronizer.RebuildAsync(CancellationToken.None);

        Assert.Equal(2, count);
        Assert.Equal(2, host.Index.DocumentCount);
        Assert.False(host.Index.NeedsRebuild);
    }

    private static void Corrupt(string path, string corruption)
    {
        var files = System.IO.Directory.GetFiles(path);
        switch (corruption)
        {
            case "garbage in every file":
                Array.ForEach(files, f => File.WriteAllBytes(f, [1, 2, 3, 4, 5, 6, 7, 8, 9]));
                break;
            case "garbage segments file":
                Array.ForEach(System.IO.Directory.GetFiles(path, "segments_*"), f => File.WriteAllText(f, "not an index, just garbage text"));
                break;
            case "truncated compound file":
                Array.ForEach(System.IO.Directory.GetFiles(path, "*.cfs"), f => File.WriteAllBytes(f, File.ReadAllBytes(f)[..(int)(new FileInfo(f).Length / 2)]));
                break;
            case "deleted compound file":
                Array.ForEach(System.IO.Directory.GetFiles(path, "*.cfs"), File.Delete);
                break;
            case "only garbage files":
                Array.ForEach(files, File.Delete);
                File.WriteAllText(Path.Combine(path, "segments_3"), "xx");
                File.WriteAllText(Path.Combine(path, "_0.cfs"), "yy");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(corruption), corruption, null);
        }
    }
}
