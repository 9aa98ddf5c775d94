using System.Text;

namespace KnowledgeHub.Storage.Tests;

/// <summary>Append offsets under concurrency and listing order, for every backend.</summary>
public abstract partial class BlobStoreContract
{
    [Fact]
    public async Task Parallel_appends_each_return_the_end_offset_of_their_own_bytes()
    {
        // Lines of different lengths, so an offset that belongs to another append cannot pass for this one.
        var lines = Enumerable.Range(0, 40).Select(i => $"{i:00} {new string('x', i * 7)} 复盘\n").ToArray();

        var offsets = await Task.WhenAll(lines.Select(line => Store.AppendAsync("audit/day", Bytes(line), None)));

        var content = (await Store.ReadAsync("audit/day", None))!.Content;
        Assert.Equal(lines.Length, offsets.Distinct().Count());
        Assert.Equal(lines.Sum(l => Encoding.UTF8.GetByteCount(l)), content.Length);
        Assert.Equal(content.Length, offsets.Max());
        for (var i = 0; i < lines.Length; i++)
        {
            var length = Encoding.UTF8.GetByteCount(lines[i]);
            Assert.Equal(lines[i], Encoding.UTF8.GetString(content.Span[(int)(offsets[i] - length)..(int)offsets[i]]));
        }
    }

    [Fact]
    public async Task Listing_orders_folders_and_files_by_their_full_names_as_ordinal_strings()
    {
        // 'a-b' < 'a/x' < 'a0' ('-' < '/' < '0'); '10' < '9'; upper case before lower; CJK after ASCII.
        string[] names = ["a/x", "a-b", "a0", "a/x-y", "a/x0/1", "a/x/deeper", "ab/c", "10", "9", "B/1", "b", "复盘/2026/1.md",
            "复盘-1", "竞品/a", "docs/a.b/1", "docs/a/1", "docs/a-b", "docs/a0/z"];
        foreach (var name in names.Where(n => n != "a/x"))
        {
            await Store.WriteAsync(name, Bytes(name), WriteCondition.None, None);
        }

        await Store.AppendAsync("a/x1", Bytes("log"), None);

        var listed = (await Store.ListAsync("", None).ToListAsync()).Select(i => i.Name).ToArray();

        var expected = names.Where(n => n != "a/x").Append("a/x1").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, listed);
        Assert.Equal(["a/x-y", "a/x/deeper", "a/x0/1", "a/x1"], (await Store.ListAsync("a/x", None).ToListAsync()).Select(i => i.Name));
        Assert.Equal(["docs/a-b", "docs/a.b/1", "docs/a/1", "docs/a0/z"], (await Store.ListAsync("docs/a", None).ToListAsync()).Select(i => i.Name));
        Assert.Equal(["复盘-1", "复盘/2026/1.md"], (await Store.ListAsync("复盘", None).ToListAsync()).Select(i => i.Name));
    }

    [Theory]
    [InlineData("deep/", 24)]
    [InlineData("deep/1/", 8)]
    [InlineData("deep/1/1/", 4)]
    [InlineData("deep/1/1/1/1/1", 1)]
    [InlineData("deep/1/1/1/1/1/leaf", 1)]
    [InlineData("deep/1/1/1/1/1/leaf-", 0)]
    [InlineData("deep/2/0/1", 2)]
    [InlineData("deep/3", 0)]
    public async Task Listing_a_prefix_in_a_deep_tree_returns_exactly_the_blobs_under_it_in_order(string prefix, int count)
    {
        // deep/{0..2}/{0..1}/{0..1}/1/1/leaf: 24 blobs, one per path.
        var all = (from a in Enumerable.Range(0, 3)
                   from b in Enumerable.Range(0, 2)
                   from c in Enumerable.Range(0, 2)
                   from d in Enumerable.Range(0, 2)
                   select $"deep/{a}/{b}/{c}/{d}/1/leaf").ToList();
        all = all.Select(n => n.Replace("/0/1/leaf", "/0/leaf")).ToList();
        await Task.WhenAll(all.Select(n => Store.WriteAsync(n, Bytes(n), WriteCondition.None, None)));
        await Store.WriteAsync("deeper", Bytes("x"), WriteCondition.None, None);

        var listed = (await Store.ListAsync(prefix, None).ToListAsync()).Select(i => i.Name).ToList();

        Assert.Equal(all.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal), listed);
        Assert.Equal(count, listed.Count);
    }
}
