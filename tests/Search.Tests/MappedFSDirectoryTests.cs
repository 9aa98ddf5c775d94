using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// The index's own directory (memory maps read through a pointer) reads back exactly what Lucene wrote: stored texts
/// shorter and far longer than Lucene's 16 KB compression chunk, in plain segments and inside compound files, from many
/// threads at once (clones share one map), every number encoding Lucene writes, and refuses to read past a file's end or
/// from a map already closed.
/// </summary>
public sealed class MappedFSDirectoryTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kh-mapped-" + Guid.NewGuid().ToString("N"));

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

        using var directory = new MappedFSDirectory(new DirectoryInfo(folder));
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
        using var directory = new MappedFSDirectory(new DirectoryInfo(folder));
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
        using var directory = WithFile("small.bin", [1, 2, 3, 4, 5]);
        using var input = directory.OpenInput("small.bin", IOContext.DEFAULT);

        var bytes = new byte[5];
        input.ReadBytes(bytes, 0, 5);
        Assert.Equal([1, 2, 3, 4, 5], bytes);
        Assert.ThrowsAny<IOException>(() => input.ReadByte());
        using var clone = (IndexInput)input.Clone();
        clone.Seek(3);
        Assert.Equal(4, clone.ReadByte());
    }

    [Fact]
    public void Numbers_read_back_as_Lucene_wrote_them_in_the_middle_of_a_file_and_at_its_end()
    {
        System.IO.Directory.CreateDirectory(folder);
        int[] ints = [0, 1, 127, 128, 16383, 16384, 2097151, 2097152, 268435455, 268435456, int.MaxValue, -1, int.MinValue, -300];
        long[] longs = [0, 1, 127, 128, long.MaxValue, 1L << 35, (1L << 56) - 1, 1L << 56];
        using (var directory = new MappedFSDirectory(new DirectoryInfo(folder)))
        using (var output = directory.CreateOutput("numbers.bin", IOContext.DEFAULT))
        {
            foreach (var value in ints)
            {
                output.WriteVInt32(value);
                output.WriteInt32(value);
                output.WriteInt16((short)value);
            }

            foreach (var value in longs)
            {
                output.WriteVInt64(value);
                output.WriteInt64(value);
            }

            output.WriteVInt32(int.MinValue); // five bytes at the very end: the slow path
        }

        using (var directory = new MappedFSDirectory(new DirectoryInfo(folder)))
        using (var input = directory.OpenInput("numbers.bin", IOContext.DEFAULT))
        {
            foreach (var value in ints)
            {
                Assert.Equal(value, input.ReadVInt32());
                Assert.Equal(value, input.ReadInt32());
                Assert.Equal((short)value, input.ReadInt16());
            }

            foreach (var value in longs)
            {
                Assert.Equal(value, input.ReadVInt64());
                Assert.Equal(value, input.ReadInt64());
            }

            Assert.Equal(int.MinValue, input.ReadVInt32());
            Assert.Equal(input.Length, input.Position);
            Assert.ThrowsAny<IOException>(() => input.ReadInt32());
        }
    }

    [Fact]
    public void A_vint_with_more_than_32_bits_is_refused_as_Lucene_refuses_it()
    {
        using var directory = WithFile("bad.bin", [0xFF, 0xFF, 0xFF, 0xFF, 0x1F, 0, 0, 0, 0, 0]);
        using var input = directory.OpenInput("bad.bin", IOContext.DEFAULT);
        Assert.ThrowsAny<IOException>(() => input.ReadVInt32());
    }

    [Fact]
    public void An_empty_file_opens_and_has_nothing_to_read()
    {
        using var directory = WithFile("empty.bin", []);
        using var input = directory.OpenInput("empty.bin", IOContext.DEFAULT);
        Assert.Equal(0, input.Length);
        input.ReadBytes([], 0, 0);
        Assert.ThrowsAny<IOException>(() => input.ReadByte());
    }

    [Fact]
    public void A_clone_read_after_its_file_was_closed_throws_instead_of_touching_unmapped_memory()
    {
        using var directory = WithFile("small.bin", [1, 2, 3, 4, 5, 6, 7, 8]);
        var input = directory.OpenInput("small.bin", IOContext.DEFAULT);
        var clone = (IndexInput)input.Clone();
        Assert.Equal(1, clone.ReadByte());
        input.Dispose();
        clone.Dispose(); // a clone's dispose closes nothing, and twice is harmless
        input.Dispose();

        Assert.Throws<ObjectDisposedException>(() => clone.ReadByte());
        Assert.Throws<ObjectDisposedException>(() => clone.ReadInt32());
        Assert.Throws<ObjectDisposedException>(() => clone.ReadBytes(new byte[2], 0, 2));
    }

    [Fact]
    public void Seeking_or_skipping_outside_a_file_throws_and_a_slice_reads_only_its_own_bytes()
    {
        using var directory = WithFile("ten.bin", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        using var input = directory.OpenInput("ten.bin", IOContext.DEFAULT);
        Assert.ThrowsAny<IOException>(() => input.Seek(11));
        input.Seek(10);
        Assert.ThrowsAny<IOException>(() => input.ReadByte());
        input.Seek(2);
        input.SkipBytes(3);
        Assert.Equal(5, input.ReadByte());
        Assert.ThrowsAny<IOException>(() => input.SkipBytes(5));

        using var slicer = directory.CreateSlicer("ten.bin", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("middle", 4, 3);
        Assert.Equal(3, slice.Length);
        var bytes = new byte[3];
        slice.ReadBytes(bytes, 0, 3);
        Assert.Equal([4, 5, 6], bytes);
        Assert.ThrowsAny<IOException>(() => slice.ReadByte());
        Assert.ThrowsAny<ArgumentException>(() => slicer.OpenSlice("past the end", 8, 3));
    }

    /// <summary>A directory over the test folder, which holds a file <paramref name="name"/> of <paramref name="bytes"/>.</summary>
    private MappedFSDirectory WithFile(string name, byte[] bytes)
    {
        System.IO.Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name), bytes);
        return new MappedFSDirectory(new DirectoryInfo(folder));
    }

    /// <summary>Texts from empty to ~70 KB (past the 16 KB chunk Lucene compresses stored fields in), some with "needle".</summary>
    private static List<string> Texts(int count)
    {
        var random = new Random(7);
        return [.. Enumerable.Range(0, count).Select(i => string.Join(' ', Enumerable.Range(0, random.Next(0, i % 50 == 0 ? 9000 : 400))
            .Select(_ => random.Next(10) == 0 ? "needle" : "词" + random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture))))];
    }

    private void Write(IReadOnlyList<string> texts, bool compound)
    {
        using var directory = new MappedFSDirectory(new DirectoryInfo(folder));
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
