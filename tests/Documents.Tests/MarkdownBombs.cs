using System.Text;

namespace KnowledgeHub.Documents.Tests;

/// <summary>
/// Hostile Markdown of issue 8 (rows 5 and 6) and issue 12, by name. Each starts with a paragraph holding the word
/// "wombat", so a test can see that the text is still there when it is shown or indexed as plain text.
/// </summary>
public static class MarkdownBombs
{
    public const string Word = "wombat";

    public static IReadOnlyDictionary<string, Func<string>> All { get; } = new Dictionary<string, Func<string>>
    {
        ["99k div"] = () => Repeat("<div>", 99_000),
        ["20k nested div"] = () => Repeat("<div>", 20_000) + "x" + Repeat("</div>", 20_000),
        ["100k ["] = () => Repeat("[", 100_000),
        ["10k > quotes"] = () => Repeat(">", 10_000) + " quoted",
        ["5k nested lists"] = () => Repeat("- ", 5_000) + "item",
        ["1k indented list levels"] = () => string.Join("\n", Enumerable.Range(0, 1_000).Select(i => new string(' ', 2 * i) + "- level")),
        ["50k * emphasis run"] = () => Repeat("*", 50_000) + "x" + Repeat("*", 50_000),
        ["50k * emphasis pairs"] = () => Repeat("*a* ", 50_000),
        ["540 kB of autolinks"] = () => Repeat("https://example.com/a/b/c?q=1 ", 18_000),
        ["200 kB of autolinks"] = () => Repeat("https://example.com/a/b/c?q=1 ", 6_600),
        ["10 MB body"] = () => Repeat("The campaign went well and checkout latency fell. ", 200_000),
        ["2000 x 500 table"] = () => Table(2_000, 500),
    };

    /// <summary>The names, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> Names => [.. All.Keys];

    public static string Get(string name) => $"{Word} is the normal word.\n\n" + All[name]();

    public static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    public static string Table(int columns, int rows)
    {
        var builder = new StringBuilder();
        builder.Append(Repeat("|h", columns)).Append("|\n").Append(Repeat("|-", columns)).Append("|\n");
        for (var r = 0; r < rows; r++)
        {
            builder.Append(Repeat("|c", columns)).Append("|\n");
        }

        return builder.ToString();
    }
}
