using AngleSharp.Html.Parser;
using KnowledgeHub.Documents.Tests.Support;

namespace KnowledgeHub.Documents.Tests;

/// <summary>The bounded renderer: every bomb is shown as escaped plain text with a note, and real documents stay formatted.</summary>
public sealed class MarkdownBombTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static readonly string ContentRoot = ContentRootLocator.Locate(null, AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The repository's content folder was not found from " + AppContext.BaseDirectory);

    [Theory]
    [MemberData(nameof(MarkdownBombs.Names), MemberType = typeof(MarkdownBombs))]
    public void A_bomb_renders_as_its_escaped_text_after_a_note_saying_why(string bomb)
    {
        var rendered = Renderer.Render(MarkdownBombs.Get(bomb));

        Assert.NotNull(rendered.Degraded);
        var page = HtmlSafety.Parse(rendered.Html);
        Assert.StartsWith(rendered.Degraded.Message, page.QuerySelector("p.markdown-degraded")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith($"{MarkdownBombs.Word} is the normal word.", page.QuerySelector("pre.markdown-source")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("div, a, table, blockquote, ul"));
    }

    [Theory]
    [MemberData(nameof(MarkdownBombs.Names), MemberType = typeof(MarkdownBombs))]
    public void A_bomb_past_a_cap_has_no_structure_says_why_and_keeps_its_words_as_plain_text(string bomb)
    {
        var markdown = MarkdownBombs.Get(bomb);

        var structure = Renderer.GetStructure(markdown);
        var text = Renderer.PlainText(markdown);

        // HTML bombs cost the sanitizer, not the parser: those past no Markdown cap are parsed as usual.
        var exceeded = MarkdownLimits.Check(markdown);
        Assert.Equal(exceeded, structure.Degraded);
        Assert.Equal(exceeded, text.Degraded);
        Assert.True(exceeded is not null || bomb == "20k nested div");
        Assert.Empty(structure.Sections);
        Assert.StartsWith($"{MarkdownBombs.Word} is the normal word.", text.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<div>", text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_names_the_cap_a_text_goes_past_and_lets_the_text_under_it_through()
    {
        var exceeded = MarkdownLimits.Check(new string('[', MarkdownLimits.MaxBracketDepth + 1));

        Assert.Equal(MarkdownLimitKind.TooDeep, exceeded!.Kind);
        Assert.Contains("brackets", exceeded.Message, StringComparison.Ordinal);
        Assert.Null(MarkdownLimits.Check(new string('[', MarkdownLimits.MaxBracketDepth)));
    }

    [Fact]
    public void A_text_longer_than_the_cap_is_too_long_not_too_deep()
    {
        var exceeded = MarkdownLimits.Check(new string('a', MarkdownLimits.MaxLength + 1));

        Assert.True(exceeded!.IsTooLong);
        Assert.Null(MarkdownLimits.Check(new string('a', MarkdownLimits.MaxLength)));
    }

    [Fact]
    public void Every_sample_and_template_renders_formatted_not_degraded()
    {
        var files = Directory.GetFiles(Path.Combine(ContentRoot, "samples"), "*.md")
            .Concat(Directory.GetFiles(Path.Combine(ContentRoot, "templates"), "*.md"))
            .ToList();

        Assert.True(files.Count > 40);
        Assert.All(files, file =>
        {
            var markdown = File.ReadAllText(file);
            Assert.Null(Renderer.Render(markdown).Degraded);
            Assert.Null(Renderer.GetStructure(markdown).Degraded);
        });
    }

    [Fact]
    public void The_linear_writer_writes_what_AngleSharp_writes_for_every_sample()
    {
        var parser = new HtmlParser();
        foreach (var file in Directory.GetFiles(Path.Combine(ContentRoot, "samples"), "*.md"))
        {
            var html = Markdig.Markdown.ToHtml(File.ReadAllText(file), MarkdownPipelines.Default) + "<pre>\nx &amp; \u00a0 \"q\"</pre><p title=\"a &amp; &quot;b&quot;\">&lt;t&gt;<br></p>";
            using var document = parser.ParseDocument("<!doctype html><html><body>" + html);

            Assert.Equal(document.Body!.InnerHtml, HtmlWriter.ChildrenOf(document.Body));
        }
    }

    [Fact]
    public void Four_thousand_five_hundred_flat_paragraphs_with_links_and_a_long_task_list_stay_formatted()
    {
        var paragraphs = MarkdownBombs.Repeat("A paragraph with a [link](https://example.com) in it.\n\n", 4_500);
        var tasks = MarkdownBombs.Repeat("- [ ] **Follow up** on _this_ @alice due:2026-12-01\n", 2_000);

        var page = HtmlSafety.Parse(Renderer.ToHtml(paragraphs));
        var structure = Renderer.GetStructure(tasks);

        Assert.Equal(4_500, page.QuerySelectorAll("p").Length);
        Assert.Null(structure.Degraded);
        Assert.Equal(2_000, structure.ActionItems.Count);
    }

    [Fact]
    public void Plain_text_of_emphasis_nested_fifty_thousand_deep_does_not_overflow_the_stack()
    {
        var nested = MarkdownBombs.Repeat("*", 50_000) + "x" + MarkdownBombs.Repeat("*", 50_000);

        var text = MarkdownText.OfDocument(Markdig.Markdown.Parse(nested, MarkdownPipelines.Default));

        Assert.Contains("x", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_far_past_the_length_cap_shows_its_first_million_characters_and_says_so()
    {
        var markdown = MarkdownBombs.Get("10 MB body");

        var page = HtmlSafety.Parse(Renderer.ToHtml(markdown));

        Assert.Equal(MarkdownLimits.MaxLength, page.QuerySelector("pre.markdown-source")!.TextContent.Length);
        Assert.Contains("Only the first 1,000,000 characters are shown", page.QuerySelector("p.markdown-degraded")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cached_rendering_is_used_only_for_the_same_text()
    {
        var key = "doc-" + Guid.NewGuid().ToString("N") + "/1";

        var first = Renderer.ToHtml("# First", key);
        var again = Renderer.ToHtml("# First", key);
        var other = Renderer.ToHtml("# Second", key);

        Assert.Contains("First</h1>", first, StringComparison.Ordinal);
        Assert.Same(first, again);
        Assert.Contains("Second</h1>", other, StringComparison.Ordinal);
    }

    [Fact]
    public void Unparsed_text_drops_tags_and_comments_but_keeps_words_and_unclosed_angles()
    {
        var text = MarkdownRenderer.ToUnparsedText("<div class=\"x\">wombat</div><!-- note --> a < b <!-- open");

        Assert.Equal("wombat   a < b <!-- open", text);
    }
}
