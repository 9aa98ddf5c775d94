using System.IO.Compression;
using KnowledgeHub.Documents.Import;

namespace KnowledgeHub.Documents.Tests.Import;

public sealed class ImportSourceTests : IDisposable
{
    private readonly ImportFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string Zip(Action<ZipArchive> build)
    {
        var path = Path.Combine(folder.Root, Guid.NewGuid().ToString("N") + ".zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            build(zip);
        }

        return path;
    }

    private static void Entry(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        stream.Write(content);
    }

    [Fact]
    public async Task A_zip_lists_its_files_with_folders_and_leaves_out_junk()
    {
        var path = Zip(zip =>
        {
            Entry(zip, "复盘/2026/a.md", "# A"u8.ToArray());
            Entry(zip, "__MACOSX/复盘/._a.md", [1, 2]);
            Entry(zip, ".DS_Store", [0]);
            Entry(zip, "b.docx", [1]);
        });

        await using var source = ImportSource.Open(path, new ImportLimits());

        Assert.Equal(["b.docx", "复盘/2026/a.md"], source.Entries.Select(e => e.Path));
        Assert.Equal(["复盘", "2026"], source.Entries[1].Folders);
        Assert.Equal("# A"u8.ToArray(), await source.ReadAsync(source.Entries[1], CancellationToken.None));
    }

    [Theory]
    [InlineData("../escape.md")]
    [InlineData("a/../../escape.md")]
    [InlineData("/etc/escape.md")]
    [InlineData("C:/escape.md")]
    [InlineData("a\\..\\escape.md")]
    public async Task An_entry_whose_path_leaves_the_archive_is_refused_alone_with_a_sentence(string name)
    {
        var path = Zip(zip =>
        {
            Entry(zip, name, "# evil"u8.ToArray());
            Entry(zip, "good.md", "# good"u8.ToArray());
        });

        await using var source = ImportSource.Open(path, new ImportLimits());

        Assert.Equal(["good.md"], source.Entries.Select(e => e.Path));
        var refused = Assert.Single(source.Refused);
        Assert.Equal(name, refused.Path);
        Assert.Contains("climbs out", refused.Reason);
    }

    [Fact]
    public void A_zip_bomb_is_refused_whole_before_anything_is_unpacked()
    {
        var path = Zip(zip => Entry(zip, "bomb.md", new byte[20 * 1024 * 1024]));

        var e = Assert.Throws<ImportRefusedException>(() => ImportSource.Open(path, new ImportLimits()));

        Assert.Contains("zip bomb", e.Message);
    }

    [Fact]
    public void A_damaged_zip_is_refused_with_a_sentence()
    {
        folder.Add("broken.zip", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5]);

        var e = Assert.Throws<ImportRefusedException>(() => ImportSource.Open(Path.Combine(folder.Root, "broken.zip"), new ImportLimits()));

        Assert.Contains("damaged", e.Message);
    }

    [Fact]
    public void A_batch_with_more_files_than_allowed_is_refused()
    {
        for (var i = 0; i < 4; i++)
        {
            folder.Add($"f{i}.md", "# x");
        }

        var e = Assert.Throws<ImportRefusedException>(() => ImportSource.Open(folder.Root, new ImportLimits { MaxFiles = 3 }));

        Assert.Contains("at most 3", e.Message);
    }

    [Fact]
    public async Task A_file_larger_than_the_limit_reads_as_null_even_when_the_zip_understates_it()
    {
        folder.Add("big.md", new byte[5000]);
        await using var source = ImportSource.Open(folder.Root, new ImportLimits { MaxFileBytes = 4096 });

        Assert.Null(await source.ReadAsync(source.Entries[0], CancellationToken.None));
        Assert.Null(await source.ReadAsync(source.Entries[0] with { Length = 10 }, CancellationToken.None));
    }

    [Fact]
    public void A_path_that_is_neither_folder_nor_file_is_refused_with_a_sentence()
    {
        var e = Assert.Throws<ImportRefusedException>(() => ImportSource.Open(Path.Combine(folder.Root, "missing"), new ImportLimits()));

        Assert.Contains("no folder or zip file", e.Message);
    }
}
