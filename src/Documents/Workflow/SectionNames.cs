using System.Globalization;
using System.Text;

namespace KnowledgeHub.Documents;

/// <summary>Matching headings to a template's required sections (see <see cref="TemplateConformance"/>).</summary>
public static class SectionNames
{
    /// <summary>True when <paramref name="heading"/> is made only of the section's names joined by spaces or punctuation.</summary>
    public static bool Matches(string heading, TemplateSection section)
    {
        ArgumentNullException.ThrowIfNull(heading);
        ArgumentNullException.ThrowIfNull(section);
        var rest = Normalize(heading);
        if (rest.Length == 0)
        {
            return false;
        }

        var removed = false;
        foreach (var name in Names(section).Select(Normalize).Where(n => n.Length > 0).OrderByDescending(n => n.Length))
        {
            var at = rest.IndexOf(name, StringComparison.Ordinal);
            if (at >= 0 && AtBoundary(rest, at, name.Length))
            {
                rest = rest.Remove(at, name.Length).Insert(at, " ");
                removed = true;
            }
        }

        return removed && rest.All(IsSeparator);
    }

    /// <summary>The name to show for a section: its bilingual alias ("目标与结果 Goals and results") when the template has one.</summary>
    public static string Display(TemplateSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var bilingual = section.Aliases.FirstOrDefault(a => a.Contains(section.Title, StringComparison.OrdinalIgnoreCase) && a.Trim().Length > section.Title.Trim().Length);
        return bilingual?.Trim()
            ?? (section.Aliases.Count > 0 ? $"{section.Aliases[0].Trim()} {section.Title.Trim()}" : section.Title.Trim());
    }

    private static IEnumerable<string> Names(TemplateSection section) => [section.Title, .. section.Aliases];

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>A Latin name must not be cut out of a longer word ("lessons" inside "lessonsx"); CJK has no word boundaries.</summary>
    private static bool AtBoundary(string text, int at, int length) =>
        (at == 0 || !IsWordChar(text[at - 1]) || !IsWordChar(text[at]))
        && (at + length == text.Length || !IsWordChar(text[at + length]) || !IsWordChar(text[at + length - 1]));

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) && !DiffTokenizer.IsCjk(c);

    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) is UnicodeCategory.OtherPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.MathSymbol;
}
