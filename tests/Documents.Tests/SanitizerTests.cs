using KnowledgeHub.Documents.Tests.Support;

namespace KnowledgeHub.Documents.Tests;

public sealed class SanitizerTests
{
    private static readonly MarkdownRenderer Renderer = new();

    /// <summary>Hostile Markdown, and a piece of readable text that must still be there afterwards (or null).</summary>
    public static TheoryData<string, string?> HostileMarkdown => new()
    {
        { "<script>alert(1)</script>", null },
        { "<img src=x onerror=alert(1)>", null },
        { "[click](javascript:alert(1))", "click" },
        { "[click](JaVaScRiPt:alert(1))", "click" },
        { "[click](&#106;avascript:alert(1))", "click" },
        { "[click](&#x6A;avascript:alert(1))", "click" },
        { "[click](javascript&#58;alert(1))", "click" },
        { "[click](  javascript:alert(1))", "click" },
        { "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "click" },
        { "[click](vbscript:msgbox(1))", "click" },
        { "<javascript:alert(1)>", null },
        { "[ref]\n\n[ref]: javascript:alert(1)", "ref" },
        { "![pic](javascript:alert(1))", null },
        { "![pic](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", null },
        { "<iframe src=\"https://evil.example\"></iframe>", null },
        { "<svg onload=alert(1)>", null },
        { "<a href=\"javascript:alert(1)\">raw link</a>", null },
        { "<style>body{background:url(javascript:alert(1))}</style>", null },
        { "<form action=\"https://evil.example\"><input type=submit></form>", null },
        { "<object data=\"evil.swf\"></object>", null },
        { "<embed src=\"evil.swf\">", null },
        { "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", null },
        { "<details open ontoggle=alert(1)>x</details>", null },
        { "[click](https://example.com){onclick=alert(1)}", "click" },
        { "## heading {#h onmouseover=alert(1)}", "heading" },
        { "[click](https://example.com){style=\"background:url(javascript:alert(1))\"}", "click" },
        { "text {style=\"width: expression(alert(1))\"}", "text" },
        { "[click](https://example.com \"\\\" onmouseover=alert(1) x=\\\"\")", "click" },
        { "*<img src=x onerror=alert(1)>*", null },
    };

    public static TheoryData<string> HostileHtml => new()
    {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\" &#14;  javascript:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form><button formaction=\"javascript:alert(1)\">x</button></form>",
        "<input type=\"text\" value=\"x\" onfocus=alert(1) autofocus>",
        "<input type=\"checkbox\" checked>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<div style=\"background-image: url(javascript:alert(1))\">x</div>",
        "<body onload=alert(1)>",
        "<base href=\"javascript:alert(1)//\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<p onclick=\"alert(1)\" onmouseover=\"alert(1)\">x</p>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<template><script>alert(1)</script></template>",
    };

    [Theory]
    [MemberData(nameof(HostileMarkdown))]
    public void Hostile_markdown_renders_without_anything_that_runs(string markdown, string? keptText)
    {
        var html = Renderer.ToHtml(markdown);

        HtmlSafety.AssertSafe(html);
        if (keptText is not null)
        {
            Assert.Contains(keptText, HtmlSafety.Parse(html).Body!.TextContent);
        }
    }

    [Theory]
    [MemberData(nameof(HostileHtml))]
    public void The_sanitizer_alone_removes_what_runs_from_raw_html(string html)
    {
        HtmlSafety.AssertSafe(new MarkdownSanitizer().Sanitize(html));
    }

    [Fact]
    public void The_safety_check_itself_catches_a_script_link()
    {
        Assert.ThrowsAny<Exception>(() => HtmlSafety.AssertSafe("<a href=\" JaVa\tScRiPt:alert(1)\">x</a>"));
        Assert.ThrowsAny<Exception>(() => HtmlSafety.AssertSafe("<img src=x onerror=alert(1)>"));
        Assert.ThrowsAny<Exception>(() => HtmlSafety.AssertSafe("<input type=checkbox>"));
    }

    [Theory]
    [InlineData("[a](https://example.com/x?y=1)", "https://example.com/x?y=1")]
    [InlineData("[a](http://example.com)", "http://example.com")]
    [InlineData("[a](mailto:ops@example.com)", "mailto:ops@example.com")]
    [InlineData("[a](/documents/retro-2026-618-campaign)", "/documents/retro-2026-618-campaign")]
    [InlineData("[a](../other)", "../other")]
    [InlineData("[a](#lessons)", "#lessons")]
    public void Safe_links_keep_their_target_and_get_noopener(string markdown, string href)
    {
        var link = HtmlSafety.Parse(Renderer.ToHtml(markdown)).QuerySelector("a");

        Assert.NotNull(link);
        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
    }

    [Fact]
    public void Classes_markdig_does_not_emit_are_dropped()
    {
        var html = Renderer.ToHtml("para {.btn .btn-danger .task-list-item}");

        Assert.Equal("task-list-item", HtmlSafety.Parse(html).QuerySelector("p")!.GetAttribute("class"));
    }
}
