using System.Text;

namespace KnowledgeHub.Storage.Tests;

/// <summary>The behaviour every <see cref="IBlobStore"/> backend must show; one subclass per backend.</summary>
public abstract partial class BlobStoreContract : IAsyncLifetime
{
    protected static readonly CancellationToken None = CancellationToken.None;

    protected IBlobStore Store { get; private set; } = null!;

    /// <summary>Creates an empty store of the backend under test, isolated from every other test.</summary>
    protected abstract Task<IBlobStore> CreateStoreAsync();

    public virtual async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static string Text(BlobContent? blob) => blob is null ? "<missing>" : Encoding.UTF8.GetString(blob.Content.Span);

    [Fact]
    public async Task Reading_a_missing_blob_returns_null()
    {
        Assert.Null(await Store.ReadAsync("docs/nothing/manifest.json", None));
    }

    [Fact]
    public async Task A_written_blob_reads_back_with_the_etag_the_write_returned()
    {
        var etag = await Store.WriteAsync("docs/a/manifest.json", Bytes("{\"title\":\"复盘 retro\"}"), WriteCondition.None, None);

        var blob = await Store.ReadAsync("docs/a/manifest.json", None);

        Assert.Equal("{\"title\":\"复盘 retro\"}", Text(blob));
        Assert.Equal(etag, blob!.ETag);
        Assert.False(string.IsNullOrEmpty(etag));
    }

    [Fact]
    public async Task A_read_whose_caller_gave_up_is_cancelled_small_blob_or_large()
    {
        await Store.WriteAsync("docs/a/manifest.json", Bytes("{}"), WriteCondition.None, None);
        await Store.WriteAsync("files/big", new byte[256 * 1024], WriteCondition.None, None);
        using var gaveUp = new CancellationTokenSource();
        await gaveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.ReadAsync("docs/a/manifest.json", gaveUp.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.ReadAsync("files/big", gaveUp.Token));
    }

    [Fact]
    public async Task A_read_if_changed_answers_unchanged_only_for_the_etag_of_the_current_content()
    {
        Assert.Null(await Store.ReadIfChangedAsync("docs/a/manifest.json", "\"nothing\"", None));
        var first = await Store.WriteAsync("docs/a/manifest.json", Bytes("{\"v\":1}"), WriteCondition.None, None);

        Assert.Equal(first, (await Store.ReadIfChangedAsync("docs/a/manifest.json", first, None))!.ETag);

        // The same length, other bytes; then the same bytes again: each is a change.
        var second = await Store.WriteAsync("docs/a/manifest.json", Bytes("{\"v\":2}"), WriteCondition.None, None);
        var changed = await Store.ReadIfChangedAsync("docs/a/manifest.json", first, None);
        Assert.Equal(("{\"v\":2}", second), (Text(changed), changed!.ETag));
        var third = await Store.WriteAsync("docs/a/manifest.json", Bytes("{\"v\":2}"), WriteCondition.None, None);
        var rewritten = await Store.ReadIfChangedAsync("docs/a/manifest.json", second, None);
        Assert.Equal(("{\"v\":2}", third), (Text(rewritten), rewritten!.ETag));

        await Store.AppendAsync("changes/log", Bytes("one\n"), None);
        var log = (await Store.ReadAsync("changes/log", None))!.ETag;
        await Store.AppendAsync("changes/log", Bytes("two\n"), None);
        Assert.Equal("one\ntwo\n", Text(await Store.ReadIfChangedAsync("changes/log", log, None)));

        await Store.DeleteAsync("docs/a/manifest.json", None);
        Assert.Null(await Store.ReadIfChangedAsync("docs/a/manifest.json", third, None));
    }

    [Fact]
    public async Task An_empty_blob_is_a_blob()
    {
        await Store.WriteAsync("empty", ReadOnlyMemory<byte>.Empty, WriteCondition.None, None);

        var blob = await Store.ReadAsync("empty", None);

        Assert.NotNull(blob);
        Assert.Equal(0, blob.Content.Length);
    }

    [Fact]
    public async Task Create_only_fails_the_second_time_and_keeps_the_first_content()
    {
        await Store.WriteAsync("docs/a/v/1.md", Bytes("first"), WriteCondition.IfNotExists, None);

        var failure = await Assert.ThrowsAsync<BlobConditionFailedException>(
            () => Store.WriteAsync("docs/a/v/1.md", Bytes("second"), WriteCondition.IfNotExists, None));

        Assert.Equal("docs/a/v/1.md", failure.BlobName);
        Assert.Equal("first", Text(await Store.ReadAsync("docs/a/v/1.md", None)));
    }

    [Fact]
    public async Task If_match_with_the_current_etag_succeeds_and_changes_the_etag_even_for_the_same_bytes()
    {
        var first = await Store.WriteAsync("m.json", Bytes("same"), WriteCondition.None, None);

        var second = await Store.WriteAsync("m.json", Bytes("same"), WriteCondition.IfMatchETag(first), None);

        Assert.NotEqual(first, second);
        Assert.Equal(second, (await Store.ReadAsync("m.json", None))!.ETag);
        await Assert.ThrowsAsync<BlobConditionFailedException>(
            () => Store.WriteAsync("m.json", Bytes("third"), WriteCondition.IfMatchETag(first), None));
    }

    [Fact]
    public async Task If_match_with_a_stale_etag_fails_and_leaves_the_content_unchanged()
    {
        var stale = await Store.WriteAsync("m.json", Bytes("v1"), WriteCondition.None, None);
        var current = await Store.WriteAsync("m.json", Bytes("v2"), WriteCondition.IfMatchETag(stale), None);

        await Assert.ThrowsAsync<BlobConditionFailedException>(
            () => Store.WriteAsync("m.json", Bytes("v3 from a stale reader"), WriteCondition.IfMatchETag(stale), None));

        var blob = await Store.ReadAsync("m.json", None);
        Assert.Equal("v2", Text(blob));
        Assert.Equal(current, blob!.ETag);
    }

    [Fact]
    public async Task If_match_on_a_missing_blob_fails_and_creates_nothing()
    {
        var etag = await Store.WriteAsync("other", Bytes("x"), WriteCondition.None, None);

        await Assert.ThrowsAsync<BlobConditionFailedException>(
            () => Store.WriteAsync("missing", Bytes("y"), WriteCondition.IfMatchETag(etag), None));

        Assert.Null(await Store.ReadAsync("missing", None));
    }

    [Fact]
    public async Task An_unconditional_write_replaces_the_content()
    {
        await Store.WriteAsync("m.json", Bytes("a longer first version"), WriteCondition.None, None);
        await Store.WriteAsync("m.json", Bytes("short"), WriteCondition.None, None);

        Assert.Equal("short", Text(await Store.ReadAsync("m.json", None)));
    }

    public static TheoryData<string, string[]> Prefixes => new()
    {
        { "docs/a/", ["docs/a/manifest.json", "docs/a/v/1.md", "docs/a/v/10.md", "docs/a/v/2.md"] },
        { "docs/a", ["docs/a/manifest.json", "docs/a/v/1.md", "docs/a/v/10.md", "docs/a/v/2.md", "docs/ab/manifest.json"] },
        { "docs/a/v/1", ["docs/a/v/1.md", "docs/a/v/10.md"] },
        { "changes/", ["changes/2026-06-01.log"] },
        { "nothing/", [] },
        { "", ["Zeta", "changes/2026-06-01.log", "docs/B/manifest.json", "docs/a/manifest.json", "docs/a/v/1.md", "docs/a/v/10.md", "docs/a/v/2.md", "docs/ab/manifest.json", "docsx"] },
    };

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task Listing_returns_exactly_the_names_under_the_prefix_in_ordinal_order(string prefix, string[] expected)
    {
        string[] names = ["docs/a/v/2.md", "docs/ab/manifest.json", "docs/a/v/10.md", "docsx", "docs/a/manifest.json",
            "Zeta", "docs/B/manifest.json", "changes/2026-06-01.log", "docs/a/v/1.md"];
        foreach (var name in names)
        {
            await Store.WriteAsync(name, Bytes(name), WriteCondition.None, None);
        }

        var listed = await Store.ListAsync(prefix, None).ToListAsync();

        Assert.Equal(expected, listed.Select(i => i.Name));
    }

    [Fact]
    public async Task A_listed_item_carries_the_size_and_etag_of_the_blob()
    {
        var etag = await Store.WriteAsync("files/abc", Bytes("12345"), WriteCondition.None, None);

        var item = Assert.Single(await Store.ListAsync("files/", None).ToListAsync());

        Assert.Equal(new { Name = "files/abc", Size = 5L, ETag = etag }, new { item.Name, item.Size, item.ETag });
        Assert.InRange(item.LastModified, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task Append_creates_the_blob_and_keeps_the_order_of_appends()
    {
        await Store.AppendAsync("changes/log", Bytes("one\n"), None);
        await Store.AppendAsync("changes/log", Bytes("two\n"), None);
        await Store.AppendAsync("changes/log", Bytes("三\n"), None);

        Assert.Equal("one\ntwo\n三\n", Text(await Store.ReadAsync("changes/log", None)));
    }

    [Fact]
    public async Task Fifty_parallel_appends_lose_nothing_and_never_interleave()
    {
        var lines = Enumerable.Range(0, 50).Select(i => $"entry {i:00} {new string((char)('a' + (i % 26)), 40)}\n").ToArray();

        await Task.WhenAll(lines.Select(line => Store.AppendAsync("audit/day", Bytes(line), None)));

        var written = Text(await Store.ReadAsync("audit/day", None)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines.Select(l => l.TrimEnd('\n')).Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Append_changes_the_etag()
    {
        await Store.AppendAsync("changes/log", Bytes("one\n"), None);
        var before = (await Store.ReadAsync("changes/log", None))!.ETag;

        await Store.AppendAsync("changes/log", Bytes("two\n"), None);

        Assert.NotEqual(before, (await Store.ReadAsync("changes/log", None))!.ETag);
    }

    [Fact]
    public async Task Delete_removes_the_blob_and_reports_whether_it_existed()
    {
        await Store.WriteAsync("docs/a/manifest.json", Bytes("x"), WriteCondition.None, None);

        Assert.True(await Store.DeleteAsync("docs/a/manifest.json", None));
        Assert.False(await Store.DeleteAsync("docs/a/manifest.json", None));
        Assert.Null(await Store.ReadAsync("docs/a/manifest.json", None));
        Assert.Empty(await Store.ListAsync("docs/", None).ToListAsync());
        await Store.WriteAsync("docs/a/manifest.json", Bytes("again"), WriteCondition.IfNotExists, None);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(16)]
    public async Task Parallel_writers_with_the_same_if_match_etag_have_exactly_one_winner(int writers)
    {
        var etag = await Store.WriteAsync("docs/a/manifest.json", Bytes("base"), WriteCondition.None, None);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, writers).Select(async i =>
        {
            try
            {
                return (Writer: i, ETag: await Store.WriteAsync("docs/a/manifest.json", Bytes($"writer {i}"), WriteCondition.IfMatchETag(etag), None));
            }
            catch (BlobConditionFailedException)
            {
                return (Writer: i, ETag: (string?)null);
            }
        }));

        var winner = Assert.Single(outcomes, o => o.ETag is not null);
        var blob = await Store.ReadAsync("docs/a/manifest.json", None);
        Assert.Equal($"writer {winner.Writer}", Text(blob));
        Assert.Equal(winner.ETag, blob!.ETag);
    }

    [Fact]
    public async Task Parallel_create_only_writers_have_exactly_one_winner()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            try
            {
                await Store.WriteAsync("docs/a/v/1.md", Bytes($"writer {i}"), WriteCondition.IfNotExists, None);
                return (int?)i;
            }
            catch (BlobConditionFailedException)
            {
                return null;
            }
        }));

        var winner = Assert.Single(outcomes, o => o is not null);
        Assert.Equal($"writer {winner}", Text(await Store.ReadAsync("docs/a/v/1.md", None)));
    }

    public static TheoryData<string> BadNames => ["../x", "a/../../x", "/etc/passwd", "a\\b", "", "a//b", "a/", "./a", "a/./b", "a/.locks/x", ".locks/a", "a\u0000b", "a\nb"];

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task A_name_that_is_not_a_plain_relative_path_is_refused_by_every_operation_and_nothing_is_stored(string name)
    {
        async Task Refused(Func<Task> act)
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(act);
            Assert.Contains("is not allowed", error.Message);
        }

        await Refused(() => Store.ReadAsync(name, None));
        await Refused(() => Store.WriteAsync(name, Bytes("x"), WriteCondition.None, None));
        await Refused(() => Store.AppendAsync(name, Bytes("x"), None));
        await Refused(() => Store.DeleteAsync(name, None));
        Assert.Empty(await Store.ListAsync("", None).ToListAsync());
    }

    [Theory]
    [InlineData("../")]
    [InlineData("a/../")]
    [InlineData("/etc")]
    [InlineData("a\\")]
    public async Task A_listing_prefix_that_no_valid_name_starts_with_is_refused(string prefix)
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.ListAsync(prefix, None).ToListAsync());
    }
}
