namespace KnowledgeHub.Search.Tests.Query;

/// <summary>
/// Characters outside the Basic Multilingual Plane — emoji, arrows, rare Chinese characters of names (CJK Extension B) —
/// are searched as themselves: each its own term, not two halves every such character shares, and highlighted whole.
/// </summary>
public sealed class SymbolSearchTests : IAsyncLifetime
{
    private readonly SearchHost host = SearchHost.Create();

    public async Task InitializeAsync()
    {
        await host.AddAsync(new TestDoc("party", "上线庆祝", "新版本上线 🎉 大家辛苦了，明天复盘。"), catchUp: false);
        await host.AddAsync(new TestDoc("arrow", "Preview", "Click 🡄 Shows preview of the page."), catchUp: false);
        await host.AddAsync(new TestDoc("store", "𠮷野家门店复盘", "𠮷野家 三家门店的活动复盘，客单价提升。"), catchUp: false);
        await host.AddAsync(new TestDoc("plain", "吉野家门店周报", "吉野家 门店周报：客流平稳。"), catchUp: false);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("🎉", "party")]
    [InlineData("🎉 复盘", "party")]
    [InlineData("🡄", "arrow")]
    [InlineData("𠮷野家", "store")]
    [InlineData("𠮷", "store")]
    [InlineData("😀", "")]
    public void A_character_outside_the_basic_plane_finds_only_documents_that_have_it(string query, string expected)
    {
        var results = host.Search(query);

        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), results.Hits.Select(h => h.DocumentId));
    }

    [Fact]
    public void An_emoji_no_document_has_is_named_as_such()
    {
        var results = host.Search("😀 复盘");

        Assert.Equal(["😀"], Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.MostWords).Words);
        Assert.Equal(["party", "store"], results.Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_emoji_is_highlighted_whole()
    {
        var hit = Assert.Single(host.Search("🎉").Hits);

        Assert.Contains("<mark>🎉</mark>", hit.SnippetHtml, StringComparison.Ordinal);
    }
}
