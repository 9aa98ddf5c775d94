namespace KnowledgeHub.Documents;

/// <summary>
/// One pass over Markdown, line by line, counting what makes Markdig slow or makes it throw (see
/// <see cref="MarkdownLimits"/>). It over-estimates rather than parses: list levels are the indentation columns of
/// list markers still open (a marker pops those at or right of its column), block quotes the '&gt;' before a line's
/// text; brackets and emphasis delimiters are counted per paragraph (lines up to a blank line).
/// </summary>
internal sealed class MarkdownScan
{
    private readonly List<int> lists = [];
    private int brackets;
    private int paragraphDelimiters;
    private int delimiters;
    private int autolinks;
    private int pipes;
    private int tags;

    public MarkdownLimitExceeded? Run(string markdown)
    {
        var start = 0;
        while (start <= markdown.Length)
        {
            var newline = markdown.IndexOf('\n', start);
            var end = newline < 0 ? markdown.Length : newline;
            if (Line(markdown.AsSpan(start, end - start)) is { } exceeded)
            {
                return exceeded;
            }

            start = end + 1;
        }

        return null;
    }

    private static bool IsBlank(ReadOnlySpan<char> line) => line.Trim().IsEmpty;

    /// <summary>A line made of one character repeated, spaces aside: a thematic break or a fence, not emphasis.</summary>
    private static bool IsRule(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length < 3)
        {
            return false;
        }

        var c = trimmed[0];
        if (c is '`' or '~' && trimmed.StartsWith(new string(c, 3)))
        {
            return true; // a code fence, info string and all
        }

        foreach (var ch in trimmed)
        {
            if (ch != c && ch is not ' ' and not '\t')
            {
                return false;
            }
        }

        return c is '*' or '_' or '-' or '=';
    }

    /// <summary>
    /// A line that always ends the paragraph before it (an ATX heading, a bullet or a "1." item with text), so its
    /// emphasis is matched apart from the lines above; other lines may continue a paragraph and are counted with it.
    /// </summary>
    private static bool StartsParagraph(ReadOnlySpan<char> line)
    {
        var text = line.TrimStart(" \t>");
        if (text.StartsWith('#'))
        {
            return true;
        }

        var marker = ListMarker(text, 0);
        return marker > 0 && !text[marker..].Trim().IsEmpty && (text[0] is '-' or '*' or '+' || (marker == 2 && text[0] == '1'));
    }

    private static int ListMarker(ReadOnlySpan<char> line, int i)
    {
        if (i < line.Length && line[i] is '-' or '*' or '+')
        {
            return i + 1 == line.Length || line[i + 1] is ' ' or '\t' ? 1 : 0;
        }

        var digits = 0;
        while (i + digits < line.Length && digits < 10 && char.IsAsciiDigit(line[i + digits]))
        {
            digits++;
        }

        var after = i + digits;
        return digits is > 0 and < 10 && after < line.Length && line[after] is '.' or ')' && (after + 1 == line.Length || line[after + 1] is ' ' or '\t')
            ? digits + 1
            : 0;
    }

    private MarkdownLimitExceeded? Line(ReadOnlySpan<char> line)
    {
        if (IsBlank(line))
        {
            (brackets, paragraphDelimiters) = (0, 0);
            return null;
        }

        if (Prefix(line) is { } deep)
        {
            return deep;
        }

        if (StartsParagraph(line))
        {
            (brackets, paragraphDelimiters) = (0, 0);
        }

        return IsRule(line) ? null : Inline(line);
    }

    /// <summary>Quote markers and list markers before the line's text.</summary>
    private MarkdownLimitExceeded? Prefix(ReadOnlySpan<char> line)
    {
        var (i, column, quotes) = (0, 0, 0);
        while (i < line.Length)
        {
            var c = line[i];
            if (c is ' ' or '\t')
            {
                column += c == '\t' ? 4 - (column % 4) : 1;
                i++;
            }
            else if (c == '>')
            {
                (quotes, i, column) = (quotes + 1, i + 1, column + 1);
            }
            else if (ListMarker(line, i) is > 0 and var length)
            {
                lists.RemoveAll(open => open >= column);
                lists.Add(column);
                (i, column) = (i + length, column + length);
            }
            else
            {
                break;
            }

            if (quotes + lists.Count > MarkdownLimits.MaxBlockDepth)
            {
                return MarkdownLimits.Deep("block quotes or lists");
            }
        }

        return null;
    }

    /// <summary>A URL written as a link's target (<c>](https://…</c>) or in angle brackets: not an autolink the extension must find.</summary>
    private static bool IsLinkTarget(ReadOnlySpan<char> line, int colon)
    {
        var start = colon;
        while (start > 0 && char.IsAsciiLetter(line[start - 1]))
        {
            start--;
        }

        return start > 0 && (line[start - 1] == '<' || (line[start - 1] == '(' && start > 1 && line[start - 2] == ']'));
    }

    private MarkdownLimitExceeded? Inline(ReadOnlySpan<char> line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    if (++brackets > MarkdownLimits.MaxBracketDepth)
                    {
                        return MarkdownLimits.Deep("brackets");
                    }

                    break;
                case ']':
                    brackets = Math.Max(0, brackets - 1);
                    break;
                case '*' or '_' or '~':
                    var run = 1;
                    while (i + run < line.Length && line[i + run] == c)
                    {
                        run++;
                    }

                    var intraword = c == '_' && i > 0 && char.IsLetterOrDigit(line[i - 1]) && i + run < line.Length && char.IsLetterOrDigit(line[i + run]);
                    i += run - 1;
                    if (intraword)
                    {
                        break;
                    }

                    if (run > MarkdownLimits.MaxDelimiterRun)
                    {
                        return MarkdownLimits.Deep("emphasis");
                    }

                    paragraphDelimiters += run;
                    delimiters += run;
                    if (paragraphDelimiters > MarkdownLimits.MaxDelimitersPerParagraph)
                    {
                        return MarkdownLimits.Complex("emphasis marks in one paragraph", MarkdownLimits.MaxDelimitersPerParagraph);
                    }

                    if (delimiters > MarkdownLimits.MaxDelimiters)
                    {
                        return MarkdownLimits.Complex("emphasis marks", MarkdownLimits.MaxDelimiters);
                    }

                    break;
                case ':' when line[(i + 1)..].StartsWith("//") && !IsLinkTarget(line, i):
                case 'w' or 'W' when line[i..].StartsWith("www.", StringComparison.OrdinalIgnoreCase):
                case 'm' or 'M' when line[i..].StartsWith("mailto:", StringComparison.OrdinalIgnoreCase):
                    if (++autolinks > MarkdownLimits.MaxAutolinks)
                    {
                        return MarkdownLimits.Complex("links", MarkdownLimits.MaxAutolinks);
                    }

                    break;
                case '|':
                    if (++pipes > MarkdownLimits.MaxTableCells)
                    {
                        return MarkdownLimits.Complex("table cells", MarkdownLimits.MaxTableCells);
                    }

                    break;
                case '<' when i + 1 < line.Length && char.IsAsciiLetter(line[i + 1]):
                    if (++tags > MarkdownLimits.MaxHtmlElements)
                    {
                        return MarkdownLimits.Complex("HTML elements", MarkdownLimits.MaxHtmlElements);
                    }

                    break;
            }
        }

        return null;
    }
}
