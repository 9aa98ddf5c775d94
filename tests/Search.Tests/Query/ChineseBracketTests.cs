namespace KnowledgeHub.Search.Tests.Query;

/// <summary>
/// A bracket beside Chinese in plain words (<c>新增用户（累计）</c>, a pasted table's heading) is punctuation between two
/// words, as a Chinese comma is: the words are searched apart, no note, and a note naming words nothing has never names
/// a word with a bracket in it.
/// </summary>
public sealed class ChineseBracketTests : IAsyncLifetime
{
    private readonly SearchHost host = SearchHost.Create();

    public async Task InitializeAsync()
    {
        await host.AddAsync(new TestDoc("weekly", "增长周报", "本周新增用户 24.6 万，预售定金支付人数（累计）46 万。"), catchUp: false);
        await host.AddAsync(new TestDoc("sources", "用户来源分析", "新增用户的来源分析，累计数据见附表。"), catchUp: false);
        await host.AddAsync(new TestDoc("other", "仓库盘点", "每周盘点一次库存。"), catchUp: false);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("新增用户（累计）")]
    [InlineData("新增用户(累计)")]
    [InlineData("（新增用户）累计")]
    [InlineData("新增用户［累计］")]
    [InlineData("新增用户<累计>")]
    public void Words_in_and_beside_brackets_are_searched_apart(string query)
    {
        var results = host.Search(query);

        Assert.Equal(["sources", "weekly"], host.Ids(query));
        Assert.Equal(host.Ids("新增用户 累计"), host.Ids(query));
        Assert.Empty(results.Notes);
    }

    [Fact]
    public void A_note_names_words_without_their_brackets()
    {
        var results = host.Search("定金支付人数（累计） zzqxv");

        Assert.Equal("weekly", results.Hits[0].DocumentId);
        Assert.Equal(["zzqxv"], Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.MostWords).Words);
    }
}
