using KnowledgeHub.Documents;
using KnowledgeHub.Search.Analysis;
using Lucene.Net.Index;

namespace KnowledgeHub.Search;

/// <summary>
/// Reads a typed <c>type:</c> value against the templates: a template's key or name (English or Chinese, in any case,
/// traditional characters and full-width letters as their template spells them) is that template's key; a value no
/// template knows but the index holds (a type whose template was removed) stays as typed; anything else is no type, and
/// the search ignores the filter with a note instead of selecting nothing. The templates decide, not the index alone:
/// a type only restricted documents have would otherwise be told apart, by the missing note, from one nobody has.
/// </summary>
internal static class TypeValues
{
    /// <summary>
    /// The reading of typed type values; null (no check) until the catalog has read its templates once, as a search must
    /// not wait on storage. <paramref name="indexed"/> looks a value no template knows up in the index
    /// (<see cref="Indexed"/> over the searcher at hand).
    /// </summary>
    public static Func<string, string?>? Reader(TemplateCatalog? catalog, Func<string, bool> indexed)
    {
        if (catalog?.LastRead is not { } templates)
        {
            return null;
        }

        return value =>
        {
            var typed = Key(value);
            foreach (var template in templates)
            {
                if (Key(template.Key) == typed || Key(template.Name) == typed || (template.NameZh.Length > 0 && Key(template.NameZh) == typed))
                {
                    return template.Key;
                }
            }

            return indexed(value) ? value : null;
        };
    }

    /// <summary>True when an entry in <paramref name="reader"/> has the type <paramref name="value"/> (as a filter matches it).</summary>
    public static bool Indexed(IndexReader reader, string value) => FilterValues.Has(reader, SearchFacets.Type, value);

    private static string Key(string text) => TextNormalizer.Normalize(text.Trim()).ToUpperInvariant();
}
