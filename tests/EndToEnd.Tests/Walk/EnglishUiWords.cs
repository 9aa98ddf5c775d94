using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace KnowledgeHub.EndToEnd.Tests.Walk;

/// <summary>
/// The English words (three letters or more) of the portal's English resource files that no Chinese resource file uses,
/// read from <c>src/Portal/Resources/*.resx</c>: a Chinese page showing one shows untranslated UI text. The same rule as
/// the language crawl of Portal.Tests, here for the pages the browser walk sees (script-built text included).
/// </summary>
internal static partial class EnglishUiWords
{
    public static IReadOnlySet<string> All { get; } = Build();

    private static HashSet<string> Build()
    {
        var english = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var chinese = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", "Portal", "Resources"), "*.resx"))
        {
            var target = file.EndsWith(".en.resx", StringComparison.OrdinalIgnoreCase) ? english : chinese;
            foreach (var value in XDocument.Load(file).Root!.Elements("data").Select(d => (string?)d.Element("value") ?? ""))
            {
                target.UnionWith(Word().Matches(Tag().Replace(value, " ")).Select(m => m.Value).Where(w => w.Length >= 3));
            }
        }

        english.ExceptWith(chinese);
        return english.Count > 100 ? english : throw new InvalidOperationException($"Only {english.Count} English UI words were read from the resource files.");
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[A-Za-z][A-Za-z']+")]
    public static partial Regex Word();
}
