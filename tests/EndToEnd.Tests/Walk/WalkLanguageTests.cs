namespace KnowledgeHub.EndToEnd.Tests.Walk;

/// <summary>The walk's language check itself: it must catch the other language's UI text, or the walk proves nothing.</summary>
public sealed class WalkLanguageTests
{
    [Fact]
    public void An_english_page_with_a_chinese_button_is_caught_and_one_without_passes()
    {
        Assert.Single(WalkLanguage.English.ForeignText("Home Search 提交审阅 Sign out"));
        Assert.Empty(WalkLanguage.English.ForeignText("Home Search Submit for review Sign out"));
    }

    [Fact]
    public void A_chinese_page_with_an_english_button_is_caught_but_not_a_product_name()
    {
        Assert.NotEmpty(WalkLanguage.Chinese.ForeignText("首页 搜索 Submit for review KnowledgeHub"));
        Assert.NotEmpty(WalkLanguage.Chinese.ForeignText("首页 Request changes"));
        Assert.Empty(WalkLanguage.Chinese.ForeignText("首页 搜索 提交审阅 KnowledgeHub Markdown PDF"));
    }
}
