using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace KnowledgeHub.Portal.Tests.Localization;

/// <summary>The portal's resource pairs as compiled into its assembly: one marker class per pair in <c>KnowledgeHub.Portal.Resources</c>.</summary>
public static partial class ResourceText
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Every marker class of a resource pair (LayoutText, DocumentText, …), others' pairs included.</summary>
    public static IReadOnlyList<Type> Markers { get; } =
    [
        .. typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace == "KnowledgeHub.Portal.Resources" && t.IsClass && t.IsPublic)
            .OrderBy(t => t.Name, StringComparer.Ordinal),
    ];

    /// <summary>Key → value of a pair's file: the neutral (Chinese) one, or the English one without falling back to it.</summary>
    public static IReadOnlyDictionary<string, string> Read(Type marker, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(marker);
        var manager = new ResourceManager(marker.FullName!, marker.Assembly);
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (set is null)
        {
            return values;
        }

        foreach (DictionaryEntry entry in set)
        {
            values[(string)entry.Key] = entry.Value as string ?? "";
        }

        return values;
    }

    /// <summary>
    /// English words (three letters or more) of the English files that no Chinese file uses: a Chinese page showing one
    /// of them shows untranslated UI text. Words inside HTML tags of a value are left out.
    /// </summary>
    public static IReadOnlySet<string> EnglishOnlyWords { get; } = BuildEnglishOnlyWords();

    private static HashSet<string> BuildEnglishOnlyWords()
    {
        var english = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var chinese = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var marker in Markers)
        {
            foreach (var value in Read(marker, English).Values)
            {
                english.UnionWith(Words(value));
            }

            foreach (var value in Read(marker, CultureInfo.InvariantCulture).Values)
            {
                chinese.UnionWith(Words(value));
            }
        }

        english.ExceptWith(chinese);
        return english;
    }

    private static IEnumerable<string> Words(string value) =>
        Word().Matches(Tag().Replace(value, " ")).Select(m => m.Value).Where(w => w.Length >= 3);

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[A-Za-z][A-Za-z']+")]
    private static partial Regex Word();
}
