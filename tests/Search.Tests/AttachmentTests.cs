using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Tests;

/// <summary>Attachment texts by document id, as the extractor will give them; "broken" documents fail to extract.</summary>
public sealed class FixedAttachmentTexts : IAttachmentTextProvider
{
    public static readonly Dictionary<string, AttachmentText[]> Texts = new(StringComparer.Ordinal)
    {
        ["pricing-review"] = [new("notes.txt", "nothing relevant here"), new("pricing.xlsx", "Q3 价格带分析表：kangaroo 系列的价格带最宽。")],
        ["wombat-attached"] = [new("appendix.pdf", "the wombat appendix")],
        ["secret-attached"] = [new("secret.docx", "platypus secret figures")],
        ["restricted-attached"] = [new("board.pptx", "echidna board figures")],
    };

    public Task<IReadOnlyList<AttachmentText>> GetTextsAsync(DocumentManifest manifest, CancellationToken cancellationToken) =>
        manifest.Id.StartsWith("broken", StringComparison.Ordinal)
            ? throw new InvalidDataException("The attachment cannot be read.")
            : Task.FromResult<IReadOnlyList<AttachmentText>>(Texts.GetValueOrDefault(manifest.Id) ?? []);
}

public sealed class AttachmentCorpus : IAsyncLifetime
{
    public SearchHost Host { get; } = SearchHost.Create(new FixedAttachmentTexts());

    public async Task InitializeAsync()
    {
        await Host.AddAsync(new TestDoc("pricing-review", "价格复盘", "本季度价格复盘，详见附件。"), catchUp: false);
        await Host.AddAsync(new TestDoc("wombat-attached", "Appendix", "see the attachment"), catchUp: false);
        await Host.AddAsync(new TestDoc("wombat-body", "Wombat notes", "the wombat in the body"), catchUp: false);
        await Host.AddAsync(
            new TestDoc("secret-attached", "Secret", "see the attachment")
            {
                Confidentiality = Confidentiality.Confidential,
                Readers = [Caller.GroupPrincipal(TestCallers.ResearchGroup)],
            },
            TestCallers.Bob,
            catchUp: false);
        await Host.AddAsync(
            new TestDoc("restricted-attached", "Restricted", "board pack, see the attachment") { Confidentiality = Confidentiality.Restricted },
            TestCallers.Bob,
            catchUp: false);
        await Host.AddAsync(new TestDoc("broken-attachment", "Broken", "its attachment cannot be read"), catchUp: false);
        await Host.Synchronizer.CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>Text inside attachments is found, the snippet comes from the file that matched and names it.</summary>
public sealed class AttachmentTests(AttachmentCorpus corpus) : IClassFixture<AttachmentCorpus>
{
    [Theory]
    [InlineData("kangaroo", "Q3 价格带分析表：<mark>kangaroo</mark> 系列的价格带最宽。")]
    [InlineData("价格带", "Q3 <mark>价格带</mark>分析表：kangaroo 系列的<mark>价格带</mark>最宽。")]
    public void A_match_in_an_attachment_names_the_file_and_shows_its_text(string query, string snippet)
    {
        var hit = Assert.Single(corpus.Host.Search(query).Hits);

        Assert.Equal("pricing-review", hit.DocumentId);
        Assert.Equal("pricing.xlsx", hit.MatchedAttachment);
        Assert.Equal(snippet, hit.SnippetHtml);
    }

    [Fact]
    public void A_match_in_the_text_shows_the_text_and_no_file()
    {
        var hit = Assert.Single(corpus.Host.Search("复盘").Hits);

        Assert.Null(hit.MatchedAttachment);
        Assert.Contains("<mark>复盘</mark>", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_match_in_the_text_ranks_above_a_match_in_an_attachment()
    {
        var hits = corpus.Host.Search("wombat").Hits;

        Assert.Equal(["wombat-body", "wombat-attached"], hits.Select(h => h.DocumentId));
        Assert.Equal([null, "appendix.pdf"], hits.Select(h => h.MatchedAttachment));
    }

    [Fact]
    public void Attachment_text_of_a_document_the_user_may_not_read_is_never_found()
    {
        Assert.Empty(corpus.Host.Ids("platypus", TestCallers.Dave));
        Assert.Equal(["secret-attached"], corpus.Host.Ids("platypus", TestCallers.Bob));
    }

    [Fact]
    public void Attachment_text_of_a_restricted_document_is_not_searchable_even_for_its_owner()
    {
        Assert.Empty(corpus.Host.Ids("echidna", TestCallers.Bob));
        Assert.Equal(["restricted-attached"], corpus.Host.Ids("board", TestCallers.Bob));
    }

    [Fact]
    public void A_document_whose_attachments_cannot_be_read_is_indexed_without_them()
    {
        Assert.Equal(["broken-attachment"], corpus.Host.Ids("cannot"));
    }
}
