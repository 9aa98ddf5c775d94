using System.Text;
using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// Documents that once stopped indexing for everyone (issue 12): each is indexed — normally or degraded — on a real
/// index on disk, a normal word in it is found, and a document saved after it is found too.
/// </summary>
public sealed class PoisonDocumentTests
{
    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    public static TheoryData<string> Poisons => [.. Bodies.Keys];

    private static readonly Dictionary<string, Func<string>> Bodies = new()
    {
        ["nesting past Markdig's limit"] = () => Repeat("[", 100_000) + "\n\n" + Repeat(">", 10_000) + " quoted\n\n" + Repeat("*", 50_000) + "x",
        ["nesting just inside the caps"] = () => Repeat("> ", 30) + "quoted\n\n" + Repeat("[", 30) + "\n\n" + Repeat("- ", 20) + "x",
        ["one immense word"] = () => Repeat("a", 100_000),
        ["one immense number"] = () => Repeat("7", 100_000),
        ["one immense accented word"] = () => Repeat("é", 100_000),
        ["a huge CJK run without punctuation"] = () => Repeat("复盘竞品分析用户研究", 10_000),
        ["deep lists"] = () => Repeat("- ", 5_000) + "item\n\n" + string.Join("\n", Enumerable.Range(0, 200).Select(i => new string(' ', 2 * i) + "- level")),
        ["a huge table"] = () => "| a | b |\n|---|---|\n" + Repeat("| " + Repeat("cell ", 3) + Repeat("| x ", 2_000) + "|\n", 50),
        ["NUL and lone surrogates"] = () => "before \0 nul \uD800 high \uDC00 low \uDBFF",
        ["a 1 MB single line"] = () => Repeat("word ", 200_000),
        ["an action item with an immense owner"] = () => "- [ ] follow up @" + Repeat("o", 100_000) + " due:2026-12-01",
        ["20,000 action items"] = () => Repeat("- [ ] do it @alice\n", 20_000),
    };

    [Theory]
    [MemberData(nameof(Poisons))]
    public async Task A_poison_body_is_indexed_and_found_and_the_next_document_is_found_too(string poison)
    {
        await using var host = SearchHost.Create();

        await host.AddAsync(new TestDoc("poison", "Poison", "The wombat is here.\n\n" + Bodies[poison]()));
        await host.AddAsync(new TestDoc("after", "After", "The numbat came later."));

        Assert.Equal(["poison"], host.Ids("wombat"));
        Assert.Equal(["after"], host.Ids("numbat"));
    }

    [Fact]
    public async Task Immense_tags_are_cut_and_the_document_is_found_by_its_word_and_its_tag()
    {
        await using var host = SearchHost.Create();
        var tag = "big" + Repeat("g", 100_000);

        await host.AddAsync(new TestDoc("tagged", "Tagged", "The wombat has a big tag.") { Tags = [tag, "small"] });
        await host.AddAsync(new TestDoc("after", "After", "The numbat came later."));

        Assert.Equal(["tagged"], host.Ids("wombat"));
        Assert.Equal(["tagged"], host.Ids(new SearchRequest { Query = "", Caller = TestCallers.Carol, Filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Tags] = ["small"] } }));
        Assert.Equal(["after"], host.Ids("numbat"));
    }

    [Fact]
    public async Task An_immense_attachment_word_is_dropped_and_the_attachment_is_still_found()
    {
        await using var host = SearchHost.Create(new ImmenseAttachment());

        await host.AddAsync(new TestDoc("attached", "Attached", "See the attachment."));
        await host.AddAsync(new TestDoc("after", "After", "The numbat came later."));

        Assert.Equal(["attached"], host.Ids("echidna"));
        Assert.Equal(["after"], host.Ids("numbat"));
    }

    [Fact]
    public async Task An_immense_title_the_repository_would_refuse_still_maps_to_entries_Lucene_takes()
    {
        await using var host = SearchHost.Create();
        await host.AddAsync(new TestDoc("first", "First", "The numbat came first."));
        var (manifest, version) = Poison("titled", "wombat " + Repeat("t", 100_000), "The body says quokka.");

        host.Index.Replace(manifest.Id, new DocumentMapper(new MarkdownRenderer()).MapEntries(manifest, version));
        host.Index.Commit(host.Index.Checkpoint!.Value);

        Assert.Equal(["titled"], host.Ids("wombat"));
        Assert.Equal(["titled"], host.Ids("quokka"));
        Assert.Equal(["first"], host.Ids("numbat"));
    }

    [Fact]
    public async Task A_degraded_mapping_is_taken_by_Lucene_found_by_its_words_and_says_why()
    {
        await using var host = SearchHost.Create();
        await host.AddAsync(new TestDoc("first", "First", "The numbat came first."));
        var markdown = "The wombat <b>is</b> here.\n\n- [ ] a task @alice\n\n## Lessons\n\n- a lesson\n\n" + Repeat("a", 100_000) + "\n\n" + Repeat("[", 100_000);
        var (manifest, version) = Poison("degraded", "Degraded " + Repeat("t", 100_000), markdown);
        manifest = manifest with { Tags = [Repeat("g", 100_000)], Owner = "user:" + Repeat("o", 100_000) };
        var attachments = new[] { new AttachmentText("big.txt", "echidna " + Repeat("e", 100_000)) };

        var entries = new DocumentMapper(new MarkdownRenderer()).MapDegraded(manifest, version, attachments, "IndexWriter refused it");
        host.Index.Replace(manifest.Id, entries);
        host.Index.Commit(host.Index.Checkpoint!.Value);

        var entry = Assert.Single(entries);
        Assert.Equal("IndexWriter refused it", entry.Get(DocumentMapper.DegradedField));
        Assert.Equal(["degraded"], host.Ids("wombat"));
        Assert.Equal(["degraded"], host.Ids("echidna"));
        Assert.Equal(["first"], host.Ids("numbat"));
        Assert.DoesNotContain("<b>", entry.Get(SearchFields.Body), StringComparison.Ordinal);
    }

    private static (DocumentManifest, DocumentVersion) Poison(string id, string title, string markdown)
    {
        var now = DateTimeOffset.UtcNow;
        var manifest = new DocumentManifest
        {
            Id = id,
            Type = "retrospective",
            Title = title,
            Status = DocumentStatus.Published,
            Owner = "user:a11ce000-0000-4000-8000-000000000001",
            Collection = "Retrospectives",
            Tags = [],
            Confidentiality = Confidentiality.Internal,
            Readers = [],
            Editors = [],
            CurrentVersion = 1,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        return (manifest, new DocumentVersion { DocumentId = id, Number = 1, Title = title, Markdown = markdown, Author = manifest.Owner });
    }

    private sealed class ImmenseAttachment : IAttachmentTextProvider
    {
        public Task<IReadOnlyList<AttachmentText>> GetTextsAsync(DocumentManifest manifest, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<AttachmentText>>(manifest.Id == "attached" ? [new("big.txt", "echidna " + Repeat("z", 100_000) + " end")] : []);
    }
}
