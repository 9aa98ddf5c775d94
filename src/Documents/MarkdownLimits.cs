namespace KnowledgeHub.Documents;

/// <summary>Which cap a text went past.</summary>
public enum MarkdownLimitKind
{
    /// <summary>Longer than <see cref="MarkdownLimits.MaxLength"/>: a request answers 413.</summary>
    TooLong,

    /// <summary>Nested deeper than the parser or the sanitizer can take: a request answers 400.</summary>
    TooDeep,

    /// <summary>Too many links, table cells, emphasis marks or HTML elements to format in time: a request answers 400.</summary>
    TooComplex,
}

/// <summary>Why a text is shown (or indexed) as plain text instead of formatted: a sentence to show, and the cap it went past.</summary>
public sealed record MarkdownLimitExceeded(MarkdownLimitKind Kind, string Message)
{
    /// <summary>True when the text is too long (HTTP 413) rather than too deep or too complex (HTTP 400).</summary>
    public bool IsTooLong => Kind == MarkdownLimitKind.TooLong;

    internal static MarkdownLimitExceeded ParserRefused { get; } = new(
        MarkdownLimitKind.TooDeep, "The text is nested too deeply to format (Markdown parser limit). 文本嵌套过深，无法排版。");
}

/// <summary>
/// The caps every Markdown text meets before Markdig parses it and before HtmlSanitizer sees Markdig's HTML. Each is
/// checked in one linear pass, far below what any real document needs, and chosen where Markdig's or AngleSharp's cost
/// stops growing linearly: nested containers and brackets (Markdig refuses past 128 levels, after seconds of work on
/// deep indentation), emphasis delimiters within one paragraph (matching them is quadratic), autolinks, table cells,
/// and the number and nesting of HTML elements (AngleSharp's tree building checks scope along the open elements).
/// </summary>
public static class MarkdownLimits
{
    /// <summary>Characters of Markdown formatted at most; longer text is shown as plain text.</summary>
    public const int MaxLength = 1_000_000;

    /// <summary>Block quotes and list levels inside one another.</summary>
    public const int MaxBlockDepth = 32;

    /// <summary>Unclosed '[' within one paragraph.</summary>
    public const int MaxBracketDepth = 32;

    /// <summary>One run of '*', '_' or '~' (a thematic break line excepted).</summary>
    public const int MaxDelimiterRun = 32;

    /// <summary>Emphasis delimiters within one paragraph (Markdig matches them in quadratic time).</summary>
    public const int MaxDelimitersPerParagraph = 400;

    /// <summary>Emphasis delimiters in the whole text.</summary>
    public const int MaxDelimiters = 30_000;

    /// <summary>Links written as bare URLs (<c>://</c>, <c>www.</c>, <c>mailto:</c>).</summary>
    public const int MaxAutolinks = 2_000;

    /// <summary>Table cell separators ('|').</summary>
    public const int MaxTableCells = 20_000;

    /// <summary>HTML elements, raw or produced by Markdig, handed to the sanitizer.</summary>
    public const int MaxHtmlElements = 10_000;

    /// <summary>HTML elements open inside one another.</summary>
    public const int MaxHtmlDepth = 100;

    /// <summary>The first cap <paramref name="markdown"/> goes past, or null when it may be parsed.</summary>
    public static MarkdownLimitExceeded? Check(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Length > MaxLength)
        {
            return new MarkdownLimitExceeded(
                MarkdownLimitKind.TooLong, $"The text is longer than {MaxLength:N0} characters, too long to format. 文本过长，无法排版。");
        }

        return new MarkdownScan().Run(markdown);
    }

    /// <summary>The first HTML cap Markdig's <paramref name="html"/> goes past, or null when it may be sanitized.</summary>
    internal static MarkdownLimitExceeded? CheckHtml(string html) => HtmlScan.Run(html);

    internal static MarkdownLimitExceeded Deep(string what) =>
        new(MarkdownLimitKind.TooDeep, $"The text nests {what} too deeply to format. 文本嵌套过深，无法排版。");

    internal static MarkdownLimitExceeded Complex(string what, int max) =>
        new(MarkdownLimitKind.TooComplex, $"The text has more than {max:N0} {what}, too many to format. 文本过于复杂，无法排版。");
}
