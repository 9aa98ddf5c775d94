namespace KnowledgeHub.Search.Tests.Query;

/// <summary>
/// Chinese text cut mid-word at its end (a title or sentence copied short: 插入图片的方 from 插入图片的方法) ends in a
/// character that documents hold only inside a word: the last character also matches the words it starts, below a
/// document that has it on its own; a character typed apart stays a word of its own.
/// </summary>
public sealed class ChineseCutWordTests : IAsyncLifetime
{
    private readonly SearchHost host = SearchHost.Create();

    public async Task InitializeAsync()
    {
        await host.AddAsync(new TestDoc("how-to", "插入图片", "插入图片的方法：点击插入菜单，选择图片。"), catchUp: false);
        await host.AddAsync(new TestDoc("weekly", "增长周报", "本周是双十一后的第一个完整周，重点是大促后的用户承接。"), catchUp: false);
        await host.AddAsync(new TestDoc("alone", "图片裁剪", "插入图片以后，按方裁剪。"), catchUp: false);
        await host.AddAsync(new TestDoc("inside", "图片裁剪", "插入图片以后，按方形裁剪。"), catchUp: false);
        await host.AddAsync(new TestDoc("other", "仓库盘点", "每周盘点一次库存的方法。"), catchUp: false);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("插入图片的方", "how-to")]
    [InlineData("双十一后的第", "weekly")]
    [InlineData("雙十一後的第", "weekly")]
    public void A_text_cut_mid_word_finds_the_document_it_was_cut_from(string query, string id) =>
        Assert.Contains(id, host.Ids(query));

    [Fact]
    public void A_document_with_the_character_alone_ranks_above_one_with_it_inside_a_word()
    {
        var ids = host.Search("插入图片的方").Hits.Select(h => h.DocumentId).ToList();

        Assert.Contains("inside", ids);
        Assert.True(ids.IndexOf("alone") < ids.IndexOf("inside"), string.Join(" ", ids));
    }

    [Theory]
    [InlineData("插入图片 方")]
    [InlineData("插入图片的方。")]
    public void A_character_typed_apart_or_before_punctuation_is_a_word_of_its_own(string query) =>
        Assert.Equal(["alone"], host.Ids(query));
}
