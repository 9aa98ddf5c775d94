using Lucene.Net.Index;

namespace KnowledgeHub.Search;

/// <summary>
/// Values of the dimensions read <see cref="DimensionValues.AnyCase"/> (type, collection, tags) match whatever their case: <c>tag:gmv</c> finds "GMV". A value
/// becomes every indexed term equal to it ignoring case, or else equal to its search normalization (the field's terms
/// walked once per reader), and a term that is a type's name rather than a facet value becomes that type's key
/// (<c>type:复盘</c> → retrospective).
/// </summary>
internal static class FilterValues
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, System.Collections.Concurrent.ConcurrentDictionary<string, ILookup<string, string>>> TermsOf = [];

    public static IReadOnlyList<string> Resolve(IndexReader reader, string dimension, IReadOnlyList<string> values)
    {
        if (SearchDimension.Find(dimension)?.Values != DimensionValues.AnyCase || values.Count == 0)
        {
            return values;
        }

        var byCase = TermsByCase(reader, dimension);
        var matches = values.Select(v => (Value: v, Terms: Matching(byCase, v).ToList())).ToList();

        // A value that matched terms is those terms (so a facet lists "GMV" selected, not also a "gmv" with no count); one
        // that matched none stays, and selects nothing.
        return [.. matches.SelectMany(m => m.Terms).Distinct(StringComparer.Ordinal).Select(term => KeyOf(reader, dimension, term) ?? term)
            .Concat(matches.Where(m => m.Terms.Count == 0).Select(m => m.Value))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>True when some entry in <paramref name="reader"/> holds <paramref name="value"/> (as <see cref="Resolve"/> matches it) in <paramref name="dimension"/>.</summary>
    public static bool Has(IndexReader reader, string dimension, string value) => Matching(TermsByCase(reader, dimension), value).Any();

    /// <summary>
    /// The terms equal to <paramref name="value"/> ignoring case, and those whose search normalization is its own: a tag typed in
    /// traditional characters (<c>tag:雙十一</c>) or a collection in full-width letters matches a value saved simplified and
    /// half-width, and the reverse — a tag saved <c>雙十一</c> or <c>team’s</c> (a word processor's apostrophe; the typed
    /// text's is straightened) is found by <c>tag:双十一</c> or <c>tag:team's</c>.
    /// </summary>
    private static IEnumerable<string> Matching(ILookup<string, string> byCase, string value) =>
        byCase[value].Concat(byCase[Analysis.TextNormalizer.Normalize(value)]).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The field's terms grouped ignoring case, walked once per reader (it changes with each commit, searches come many
    /// times between): a tag filter no longer walks every tag of the store for each search.
    /// </summary>
    private static ILookup<string, string> TermsByCase(IndexReader reader, string dimension) =>
        TermsOf.GetValue(reader.CoreCacheKey, _ => new(StringComparer.Ordinal)).GetOrAdd(dimension, field =>
        {
            var all = new List<string>();
            var terms = MultiFields.GetTerms(reader, field);
            if (terms is not null)
            {
                var termsEnum = terms.GetEnumerator();
                while (termsEnum.MoveNext())
                {
                    all.Add(termsEnum.Term.Utf8ToString());
                }
            }

            // Each term under itself and, when it differs, under its normal form.
            return all.SelectMany(term => Analysis.TextNormalizer.Normalize(term) is var normal && normal != term ? [(Key: term, Term: term), (Key: normal, Term: term)] : new[] { (Key: term, Term: term) })
                .ToLookup(p => p.Key, p => p.Term, StringComparer.OrdinalIgnoreCase);
        });

    /// <summary>
    /// The facet value (doc values) of the entries holding <paramref name="term"/> when the term is not itself one: a
    /// type's name in its template (复盘, "Weekly report") is indexed as a term of the type field beside its key, but
    /// facets and their selections work on the key. Null when the term is a facet value (or no entry holds it).
    /// </summary>
    private static string? KeyOf(IndexReader reader, string dimension, string term)
    {
        var bytes = new Lucene.Net.Util.BytesRef(term);
        string? key = null;
        foreach (var leaf in reader.Leaves)
        {
            var values = leaf.AtomicReader.GetSortedSetDocValues(dimension);
            if (values is null)
            {
                continue;
            }

            if (values.LookupTerm(bytes) >= 0)
            {
                return null;
            }

            if (key is null && leaf.AtomicReader.GetTermDocsEnum(new Term(dimension, bytes)) is { } docs
                && docs.NextDoc() is var doc && doc != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS)
            {
                values.SetDocument(doc);
                var ord = values.NextOrd();
                if (ord != SortedSetDocValues.NO_MORE_ORDS)
                {
                    var found = new Lucene.Net.Util.BytesRef();
                    values.LookupOrd(ord, found);
                    key = found.Utf8ToString();
                }
            }
        }

        return key;
    }

    /// <summary>The constraints with their dimension values resolved against <paramref name="reader"/>.</summary>
    public static SearchConstraints ResolveAll(IndexReader reader, SearchConstraints constraints) => constraints with
    {
        Selected = constraints.Selected.ToDictionary(p => p.Key, p => Resolve(reader, p.Key, p.Value), StringComparer.Ordinal),
        Excluded = constraints.Excluded.ToDictionary(p => p.Key, p => Resolve(reader, p.Key, p.Value), StringComparer.Ordinal),
    };
}
