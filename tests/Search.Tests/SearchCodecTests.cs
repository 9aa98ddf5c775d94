using Lucene.Net.Analysis.Standard;
using Lucene.Net.Index;
using Lucene.Net.Store;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace KnowledgeHub.Search.Tests;

/// <summary>The index's codec (<see cref="SearchCodec"/>): what it writes, and that segments of Lucene's own codec stay readable.</summary>
public sealed class SearchCodecTests : IAsyncLifetime
{
    private readonly SearchHost host = SearchHost.Create();

    public async Task InitializeAsync()
    {
        await host.AddAsync(new TestDoc("codec-one", "留存复盘", "留存 retention " + string.Concat(Enumerable.Repeat("长文本 long text ", 2_000)) + " zyxwending"));
        await host.AddAsync(new TestDoc("codec-two", "拉新复盘", "拉新 acquisition"));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public void Every_segment_the_index_writes_uses_the_search_codec()
    {
        host.CloseIndex();
        using var directory = FSDirectory.Open(host.IndexPath);
        var commit = new SegmentInfos();
        commit.Read(directory);

        Assert.NotEmpty(commit.Segments);
        Assert.All(commit.Segments, segment => Assert.Equal(SearchCodec.RegisteredName, segment.Info.Codec.Name));
    }

    /// <summary>A body of ~40 KB, ten times a chunk: its stored text reads back to its last word, which the snippet shows.</summary>
    [Fact]
    public void A_text_longer_than_a_chunk_reads_back_whole_in_its_snippet()
    {
        var hit = Assert.Single(host.Search("zyxwending", TestCallers.Carol).Hits);

        Assert.Equal("codec-one", hit.DocumentId);
        Assert.EndsWith("<mark>zyxwending</mark>", hit.SnippetHtml, StringComparison.Ordinal);
    }

    /// <summary>
    /// A segment written with Lucene's default codec (as every index was before this codec) is read beside the codec's own:
    /// the index opens as it was, without a rebuild, and finds the documents of both.
    /// </summary>
    [Fact]
    public void A_segment_written_with_lucenes_default_codec_is_still_read()
    {
        host.ReopenIndex(path =>
        {
            using var directory = FSDirectory.Open(path);
            using var analyzer = new StandardAnalyzer(SearchAnalyzer.Version);
            using var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzer.Version, analyzer) { OpenMode = OpenMode.APPEND });
            Assert.IsType<Lucene.Net.Codecs.Lucene46.Lucene46Codec>(writer.Config.Codec);
            writer.AddDocument(new LuceneDocument
            {
                new Lucene.Net.Documents.StringField(SearchFields.Id, "default-codec", Lucene.Net.Documents.Field.Store.YES),
                new Lucene.Net.Documents.StringField(SearchFields.Kind, EntryKinds.Document, Lucene.Net.Documents.Field.Store.YES),
            });
            writer.SetCommitData(writer.CommitData);
            writer.Commit();
        });

        Assert.Equal(IndexOpenState.Opened, host.Index.OpenState);
        Assert.False(host.Index.NeedsRebuild);
        Assert.Equal(3, host.Index.DocumentCount);
        Assert.Equal(["codec-one", "codec-two"], host.Ids("复盘"));
    }
}
