using System.Text;
using KnowledgeHub.Documents;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>
/// Paragraphs and short titles per language to write generated documents with: from the LibreOffice help corpus the
/// search benchmark fetches (Chinese and English), or — when that cannot be had — from the bodies of content/samples.
/// </summary>
public sealed record TextPool(string Source, IReadOnlyList<string> ZhParagraphs, IReadOnlyList<string> EnParagraphs, IReadOnlyList<string> ZhTitles, IReadOnlyList<string> EnTitles)
{
    private const int MinParagraphChars = 24;

    public static TextPool FromHelp(IReadOnlyList<HelpPage> zh, IReadOnlyList<HelpPage> en, string packages) =>
        new(
            "LibreOffice help corpus (" + packages + ")",
            zh.SelectMany(p => Paragraphs(p.Markdown)).Where(HasCjk).ToList(), // the Chinese help keeps some paragraphs untranslated
            en.SelectMany(p => Paragraphs(p.Markdown)).Where(p => !HasCjk(p)).ToList(),
            zh.Select(p => p.Title).Where(t => t.Length is > 1 and < 60).Distinct(StringComparer.Ordinal).ToList(),
            en.Select(p => p.Title).Where(t => t.Length is > 1 and < 80).Distinct(StringComparer.Ordinal).ToList());

    /// <summary>The fallback: paragraphs and list items of content/samples, split by whether they hold Chinese.</summary>
    public static TextPool FromSamples(string contentRoot)
    {
        var paragraphs = new List<string>();
        var titles = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(contentRoot, "samples"), "*.md").Order(StringComparer.Ordinal))
        {
            var front = FrontMatter.Parse(File.ReadAllText(file, Encoding.UTF8));
            paragraphs.AddRange(Paragraphs(front.Body));
            if (front.GetString("title") is { } title)
            {
                titles.Add(title);
            }
        }

        return new(
            "content/samples (the help corpus was not available)",
            paragraphs.Where(HasCjk).ToList(),
            paragraphs.Where(p => !HasCjk(p)).ToList(),
            titles.Where(HasCjk).ToList(),
            titles.Where(t => !HasCjk(t)).ToList());
    }

    public static bool HasCjk(string text) => text.Any(c => c is >= '\u4E00' and <= '\u9FFF');

    /// <summary>Lines that read as prose: not headings, tables, task items, comments or fences; list markers removed.</summary>
    private static IEnumerable<string> Paragraphs(string markdown)
    {
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length < MinParagraphChars || line[0] is '#' or '|' or '<' or '`' or '>' || line.StartsWith("- [", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
            {
                line = line[2..];
            }
            else if (line.Length > 3 && char.IsAsciiDigit(line[0]) && line.IndexOf(". ", StringComparison.Ordinal) is > 0 and < 4 and var dot)
            {
                line = line[(dot + 2)..];
            }

            yield return line;
        }
    }
}
