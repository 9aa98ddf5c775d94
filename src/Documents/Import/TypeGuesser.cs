namespace KnowledgeHub.Documents.Import;

/// <summary>
/// Guesses a document's type from its headings: the template with the most required sections matched by a heading
/// wins, when it matches at least half of them (and at least one). Ties go to the template listed first.
/// </summary>
public static class TypeGuesser
{
    public static DocumentTemplate? Guess(IReadOnlyList<DocumentTemplate> templates, IReadOnlyList<string> headings)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(headings);
        DocumentTemplate? best = null;
        var bestScore = 0.0;
        foreach (var template in templates.Where(t => t.RequiredSections.Count > 0))
        {
            var matched = template.RequiredSections.Count(section => headings.Any(h => SectionNames.Matches(h, section)));
            var score = (double)matched / template.RequiredSections.Count;
            if (matched > 0 && score >= 0.5 && score > bestScore)
            {
                (best, bestScore) = (template, score);
            }
        }

        return best;
    }

    /// <summary>The ATX headings of a Markdown text (<c>## 目标与结果</c> → <c>目标与结果</c>).</summary>
    public static IReadOnlyList<string> MarkdownHeadings(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return [.. markdown.Split('\n')
            .Select(line => line.TrimStart())
            .Where(line => line.StartsWith('#'))
            .Select(line => line.TrimStart('#').Trim().TrimEnd('#').Trim())
            .Where(line => line.Length > 0)];
    }

    /// <summary>Lines of plain text that could be headings (short ones), for text without markup such as a PDF's.</summary>
    public static IReadOnlyList<string> ShortLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. text.Split('\n').Select(line => line.Trim()).Where(line => line.Length is > 0 and <= 60)];
    }
}
