using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace KnowledgeHub.Benchmarks;

/// <summary>Reads and converts the help pages of each language, in parallel, skipping near-empty pages.</summary>
public static partial class HelpCorpus
{
    /// <summary>
    /// Pages whose Markdown body has fewer UTF-8 bytes than this (empty pages, one-line stubs) are left out. Bytes,
    /// not characters: a Chinese character carries about as much as three English letters.
    /// </summary>
    public const int MinBodyBytes = 64;

    /// <summary>
    /// Every usable page of <paramref name="language"/>, in path order; with <paramref name="limit"/>, a
    /// seeded sample of that many (spread over all modules) instead.
    /// </summary>
    public static IReadOnlyList<HelpPage> Load(string helpRoot, Language language, int? limit, int seed, out int skipped)
    {
        var text = Path.Combine(helpRoot, language.Folder, "text");
        var files = Directory.EnumerateFiles(text, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var pages = new ConcurrentBag<HelpPage>();
        var empty = 0;
        Parallel.ForEach(files, () => new HelpPageConverter(), (file, _, converter) =>
        {
            var (title, markdown) = converter.Convert(File.ReadAllText(file));
            var relative = Path.GetRelativePath(text, file);
            if (title.Length == 0 || System.Text.Encoding.UTF8.GetByteCount(markdown) < MinBodyBytes)
            {
                Interlocked.Increment(ref empty);
            }
            else
            {
                pages.Add(new HelpPage(language, IdOf(language, relative), ModuleOf(relative), title, markdown));
            }

            return converter;
        }, _ => { });
        skipped = empty;
        var ordered = pages.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        if (limit is not { } n || n >= ordered.Count)
        {
            return ordered;
        }

        var sample = ordered.ToArray();
        new Random(seed).Shuffle(sample);
        return sample.Take(n).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>"scalc/01/04060106.html" → "lo-zh-scalc-01-04060106" (a valid document id: [a-z0-9-], at most 80).</summary>
    private static string IdOf(Language language, string relative)
    {
        var slug = NotIdCharacters().Replace(Path.ChangeExtension(relative, null).ToLowerInvariant(), "-").Trim('-');
        var id = $"lo-{language.Code}-{slug}";
        return id.Length <= 80 ? id : id[..80].TrimEnd('-');
    }

    /// <summary>The help module: scalc → calc, swriter → writer, sbasic → basic, shared → shared...</summary>
    private static string ModuleOf(string relative)
    {
        var first = relative.Split(Path.DirectorySeparatorChar)[0];
        return first is "shared" || first.Length < 2 || first[0] != 's' ? first : first[1..];
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotIdCharacters();
}
