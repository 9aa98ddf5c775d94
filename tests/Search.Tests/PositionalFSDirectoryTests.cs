using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// The index's own directory (positional reads, a larger buffer for stored fields) reads back exactly what Lucene wrote:
/// stored texts shorter and far longer than its buffers, in plain segments and inside compound files, from many
/// threads at once (clones share one handle), and refuses to read past a file's end.
/// </summary>
public sealed class PositionalFSDirectoryTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kh-positional-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Stored_texts_of_every_length_come_back_byte_for_byte_and_terms_are_found(bool compound)
    {
        var texts = Texts(300);
        Write(texts, compound);

        using var directory = new PositionalFSDirectory(new DirectoryInfo(folder));
        Assert.Equal(compound, directory.ListAll().Any(f => f.EndsWith(".cfs", StringComparison.Ordinal)));
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        Assert.Equal(texts.Count, reader.NumDocs);
        for (var i = 0; i < texts.Count; i++)
        {
            var hits = searcher.Search(new TermQuery(new Term("id", $"d{i}")), 1);
            Assert.Equal(texts[i], searcher.Doc(Assert.Single(hits.ScoreDocs).Doc).Get("text"));
        }

        Assert.Equal(texts.Count(t => t.Contains("needle", StringComparison.Ordinal)), searcher.Search(new TermQuery(new Term("text", "needle")), 1000).TotalHits);
    }

    [Fact]
    public void Threads_reading_stored_fields_at_once_each_get_their_own_documents()
    {
        var texts = Texts(200);
        Write(texts, compound: false);
        using var directory = new PositionalFSDirectory(new DirectoryInfo(folder));
        using var reader = DirectoryReader.Open(directory);

        var wrong = 0;
        Parallel.For(0, 8, worker =>
        {
            for (var round = 0; round < 5; round++)
            {
                for (var doc = worker; doc < reader.MaxDoc; doc += 3)
                {
                    var stored = reader.Document(doc);
                    if (stored.Get("text") != texts[int.Parse(stored.Get("id")[1..], System.Globalization.CultureInfo.InvariantCulture)])
                    {
                        Interlocked.Increment(ref wrong);
                    }
                }
            }
        });

        Assert.Equal(0, wrong);
    }

    [Fact]
    public void Reading_past_the_end_of_a_file_throws_instead_of_returning_stale_bytes()
    {
        System.IO.Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "small.bin"), [1, 2, 3, 4, 5]);
        using var directory = new PositionalFSDirectory(new DirectoryInfo(folder));
        using var input = directory.OpenInput("small.bin", IOContext.DEFAULT);

        var bytes = new byte[5];
        input.ReadBytes(bytes, 0, 5);
        Assert.Equal([1, 2, 3, 4, 5], bytes);
        Assert.ThrowsAny<IOException>(() => input.ReadByte());
        using var clone = (IndexInput)input.Clone();
        clone.Seek(3);
        Assert.Equal(4, clone.ReadByte());
    }

    /// <summary>Texts from empty to ~70 KB (past the 16 KB stored-fields buffer and the 16 KB compression chunk), some with "needle".</summary>
    private static List<string> Texts(int count)
    {
        var random = new Random(7);
        return [.. Enumerable.Range(0, count).Select(i => string.Join(' ', Enumerable.Range(0, random.Next(0, i % 50 == 0 ? 9000 : 400))
            .Select(_ => random.Next(10) == 0 ? "needle" : "词" + random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture))))];
    }

    private void Write(IReadOnlyList<string> texts, bool compound)
    {
        using var directory = new PositionalFSDirectory(new DirectoryInfo(folder));
        using var analyzer = new StandardAnalyzer(SearchAnalyzer.Version);
        var config = new IndexWriterConfig(SearchAnalyzer.Version, analyzer)
        {
            UseCompoundFile = compound,
            MergePolicy = compound ? new TieredMergePolicy { NoCFSRatio = 1.0 } : NoMergePolicy.NO_COMPOUND_FILES,
            MaxBufferedDocs = 64,
        };
        using var writer = new IndexWriter(directory, config);
        for (var i = 0; i < texts.Count; i++)
        {
            writer.AddDocument([new StringField("id", $"d{i}", Field.Store.YES), new TextField("text", texts[i], Field.Store.YES)]);
        }

        writer.Commit();
    }
}
