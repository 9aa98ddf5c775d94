namespace KnowledgeHub.Search.Glossary;

/// <summary>
/// Reads the term groups of a glossary document: every row of every Markdown table is a group of terms that mean
/// the same; each cell holds one term, or several separated by <c>;</c> <c>；</c> or <c>、</c>. The first row of a
/// table is its header and the <c>|---|</c> row its delimiter; neither is a group. Markdown emphasis and code marks
/// around a term are dropped. Terms longer than <see cref="MaxTermLength"/> and rows past <see cref="MaxGroups"/> are
/// ignored, so a hostile glossary stays small.
/// </summary>
public static class GlossaryParser
{
    public const int MaxGroups = 5_000;

    public const int MaxTermLength = 60;

    private static readonly char[] TermSeparators = [';', '；', '、'];

    public static IReadOnlyList<IReadOnlyList<string>> Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var groups = new List<IReadOnlyList<string>>();
        var inTable = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith('|'))
            {
                inTable = false;
                continue;
            }

            if (!inTable)
            {
                inTable = true; // the header row
                continue;
            }

            if (IsDelimiterRow(line) || groups.Count >= MaxGroups)
            {
                continue;
            }

            var terms = line.Trim('|').Split('|')
                .SelectMany(cell => cell.Split(TermSeparators))
                .Select(Clean)
                .Where(t => t.Length is > 0 and <= MaxTermLength)
                .ToList();
            if (terms.Count >= 2)
            {
                groups.Add(terms);
            }
        }

        return groups;
    }

    private static bool IsDelimiterRow(string line) => line.All(c => c is '|' or '-' or ':' or ' ' or '\t');

    private static string Clean(string cell) => cell.Replace("**", "", StringComparison.Ordinal).Trim().Trim('`', '*', '_').Trim();
}
