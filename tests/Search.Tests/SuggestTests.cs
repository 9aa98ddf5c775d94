using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Tests;

public sealed class SuggestCorpus : HostFixture
{
    protected override IEnumerable<TestDoc> Documents =>
    [
        new("campaign-playbook", "Campaign playbook", "how we run campaigns") { Tags = ["campaign", "playbook"] },
        new("campaign-review", "Campaign review 2026", "what the campaign did") { Tags = ["campaign"] },
        new("retro-618", "2026 年 618 大促复盘", "大促复盘") { Tags = ["大促", "618"] },
        new("repurchase", "复购率提升方案", "复购") { Tags = ["复购"] },
        new("secret-plan", "Campaign secret plan 竞品机密", "机密")
        {
            Tags = ["secret-tag", "竞品机密"],
            Confidentiality = Confidentiality.Confidential,
            Readers = [Caller.GroupPrincipal(TestCallers.ResearchGroup)],
        },
        new("archived-camp", "Campaign archive old", "old") { Tags = ["oldcamp"], Status = DocumentStatus.Archived },
    ];
}

/// <summary>Search as you type: tags and titles for a prefix, Chinese included, only from readable, current documents.</summary>
public sealed class SuggestTests(SuggestCorpus corpus) : IClassFixture<SuggestCorpus>
{
    [Theory]
    [InlineData("camp", "dave", "tag:campaign | Campaign review 2026 | Campaign playbook")]
    [InlineData("Campaign p", "dave", "Campaign playbook")]
    [InlineData("campaign p", "bob", "Campaign playbook | Campaign secret plan 竞品机密")]
    [InlineData("大促", "dave", "tag:大促 | 2026 年 618 大促复盘")]
    [InlineData("大促复", "dave", "2026 年 618 大促复盘")]
    [InlineData("复", "dave", "tag:复购 | 复购率提升方案 | 2026 年 618 大促复盘")]
    [InlineData("618 大", "dave", "2026 年 618 大促复盘")]
    [InlineData("竞品", "dave", "")]
    [InlineData("竞品", "bob", "tag:竞品机密 | Campaign secret plan 竞品机密")]
    [InlineData("secret", "dave", "")]
    [InlineData("secret", "bob", "tag:secret-tag | Campaign secret plan 竞品机密")]
    [InlineData("old", "carol", "")]
    [InlineData("zzz", "carol", "")]
    [InlineData("   ", "carol", "")]
    [InlineData("review 2026", "dave", "Campaign review 2026")]
    [InlineData("復購", "dave", "tag:复购 | 复购率提升方案")]
    [InlineData("ＣＡＭＰ", "dave", "tag:campaign | Campaign review 2026 | Campaign playbook")]
    [InlineData("大\u200B促", "dave", "tag:大促 | 2026 年 618 大促复盘")]
    public void Suggestions_are_tags_then_titles_from_readable_current_documents(string prefix, string user, string expected)
    {
        var suggestions = corpus.Host.Service.Suggest(prefix, TestCallers.ByName(user));

        Assert.Equal(expected, string.Join(" | ", suggestions.Select(s => s.Kind == SuggestionKind.Tag ? "tag:" + s.Text : s.Text)));
    }

    /// <summary>Tags are read once per index version: a tag saved after a suggestion is suggested at the next keystroke.</summary>
    [Fact]
    public async Task A_tag_saved_after_a_suggestion_is_suggested_next_time()
    {
        await using var host = SearchHost.Create();
        await host.AddAsync(new TestDoc("first-doc", "First", "one") { Tags = ["growth"] });
        var before = host.Service.Suggest("gro", TestCallers.Dave);

        await host.AddAsync(new TestDoc("second-doc", "Second", "two") { Tags = ["groceries"] });
        var after = host.Service.Suggest("gro", TestCallers.Dave);

        Assert.Equal(["growth"], before.Where(s => s.Kind == SuggestionKind.Tag).Select(s => s.Text));
        Assert.Equal(["groceries", "growth"], after.Where(s => s.Kind == SuggestionKind.Tag).Select(s => s.Text));
    }

    [Fact]
    public void A_title_suggestion_names_its_document_and_max_is_respected()
    {
        var suggestions = corpus.Host.Service.Suggest("playbook", TestCallers.Dave, max: 2);

        Assert.Equal(2, suggestions.Count);
        Assert.Equal("campaign-playbook", suggestions.Single(s => s.Kind == SuggestionKind.Title).DocumentId);
        Assert.Single(corpus.Host.Service.Suggest("camp", TestCallers.Dave, max: 1));
    }
}
