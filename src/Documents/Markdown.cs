using Markdig;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeHub.Documents;

/// <summary>
/// The one renderer of user Markdown: bounded, always sanitized; plain text for the index. Every text meets
/// <see cref="MarkdownLimits"/> before Markdig parses it and again (element count and nesting) before the sanitizer
/// sees Markdig's HTML; past a cap, or when Markdig refuses the text, the text is shown escaped, as plain text, with
/// a sentence saying why (<see cref="RenderedMarkdown.Degraded"/>), so a saved document stays readable and nothing
/// throws. Thread-safe: one instance (a singleton) reuses the pipeline, the sanitizer and the rendered-HTML cache.
/// </summary>
public sealed partial class MarkdownRenderer
{
    private readonly MarkdownPipeline pipeline = MarkdownPipelines.Default;
    // Made at the first HTML render, not with the renderer: building it (AngleSharp's configuration, compiled on first
    // use) took ~0.3 s of a 20k node's 2.2 s start, on the path to ready, for services that only need plain text.
    private readonly Lazy<MarkdownSanitizer> sanitizer = new(() => new MarkdownSanitizer(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly ILogger logger;

    public MarkdownRenderer(ILogger<MarkdownRenderer>? logger = null)
    {
        this.logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Sanitized HTML: no script, no javascript:/data:/vbscript: links, no event handlers; headings keep (Unicode) ids; links get rel="noopener noreferrer".</summary>
    public string ToHtml(string markdown) => Render(markdown).Html;

    /// <summary>
    /// As <see cref="ToHtml(string)"/>, cached under <paramref name="cacheKey"/>: an immutable version's key, such as
    /// <c>"{documentId}/{version}"</c>. The cache holds a hash of the Markdown with the HTML, so a key reused for other
    /// text renders again rather than showing the old HTML; it is bounded in size and shared by all callers.
    /// </summary>
    public string ToHtml(string markdown, string cacheKey) => Render(markdown, cacheKey).Html;

    /// <summary>
    /// The sanitized HTML and, when the text went past a cap or the parser refused it, why: then the HTML is the text
    /// escaped in a <c>&lt;pre&gt;</c> after a note. Requests (preview) answer 413/400 with
    /// <see cref="MarkdownLimitExceeded.Message"/> instead of showing it. Cached under <paramref name="cacheKey"/> when given.
    /// </summary>
    public RenderedMarkdown Render(string markdown, string? cacheKey = null)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return cacheKey is null ? RenderCore(markdown) : RenderedCache.GetOrAdd(cacheKey, markdown, RenderCore);
    }

    /// <summary>The text a reader sees, without Markdown syntax, for indexing and snippets: one block per line.</summary>
    public string ToPlainText(string markdown) => PlainText(markdown).Text;

    /// <summary>
    /// As <see cref="ToPlainText"/>, with why the text was not parsed (past a cap, or refused by Markdig): then the
    /// text is the Markdown with its HTML tags taken out (<see cref="MarkdownText.OfRaw"/>).
    /// </summary>
    public PlainMarkdown PlainText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (MarkdownLimits.Check(markdown) is { } exceeded)
        {
            return new PlainMarkdown(MarkdownText.OfRaw(markdown), exceeded);
        }

        try
        {
            return new PlainMarkdown(MarkdownText.OfDocument(Markdig.Markdown.Parse(markdown, pipeline)), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogParserRefused(logger, markdown.Length, e.GetType().Name);
            return new PlainMarkdown(MarkdownText.OfRaw(markdown), MarkdownLimitExceeded.ParserRefused);
        }
    }

    /// <summary>
    /// The Markdown as text without parsing it, for a document indexed degraded: HTML comments and tags replaced by a
    /// space in one linear pass; Markdown punctuation stays (analyzers drop it). Never throws.
    /// </summary>
    public static string ToUnparsedText(string markdown) => MarkdownText.OfRaw(markdown);

    /// <summary>Sections, action items and lessons (the same parse as <see cref="ToHtml(string)"/>); never throws, see <see cref="MarkdownStructure.Degraded"/>.</summary>
    public MarkdownStructure GetStructure(string markdown) => MarkdownStructure.Parse(markdown, pipeline);

    private RenderedMarkdown RenderCore(string markdown)
    {
        if (MarkdownLimits.Check(markdown) is { } exceeded)
        {
            return Degrade(markdown, exceeded);
        }

        try
        {
            var html = Markdig.Markdown.ToHtml(markdown, pipeline);
            return MarkdownLimits.CheckHtml(html) is { } tooMuch ? Degrade(markdown, tooMuch) : new RenderedMarkdown(sanitizer.Value.Sanitize(html), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Markdig's own depth limit ("too deeply nested") or anything else it or the sanitizer refuses.
            LogParserRefused(logger, markdown.Length, e.GetType().Name);
            return Degrade(markdown, MarkdownLimitExceeded.ParserRefused);
        }
    }

    private RenderedMarkdown Degrade(string markdown, MarkdownLimitExceeded reason)
    {
        LogDegraded(logger, markdown.Length, reason.Kind);
        return new RenderedMarkdown(MarkdownText.EscapedSource(markdown, reason.Message), reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Markdown of {Length} characters shown as plain text: past the {Limit} cap")]
    private static partial void LogDegraded(ILogger logger, int length, MarkdownLimitKind limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Markdown of {Length} characters refused by the parser ({Exception}); shown as plain text")]
    private static partial void LogParserRefused(ILogger logger, int length, string exception);
}

/// <summary>What <see cref="MarkdownRenderer.Render"/> gives: sanitized HTML, and why it is plain text when it is.</summary>
public sealed record RenderedMarkdown(string Html, MarkdownLimitExceeded? Degraded);

/// <summary>What <see cref="MarkdownRenderer.PlainText"/> gives: the text, and why it was not parsed when it was not.</summary>
public sealed record PlainMarkdown(string Text, MarkdownLimitExceeded? Degraded);
