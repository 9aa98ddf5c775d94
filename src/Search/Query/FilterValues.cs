using Lucene.Net.Index;

namespace KnowledgeHub.Search;

/// <summary>
/// Values of the dimensions read <see cref="DimensionValues.AnyCase"/> (type, collection, tags) match whatever their case: <c>tag:gmv</c> finds "GMV". A value
/// becomes every indexed term equal to it ignoring case (found by walking the field's terms, which are few), and a
/// term that is a type's name rather than a facet value becomes that type's key (<c>type:复盘</c> → retrospective).
/// </summary>
internal static class FilterValues
{
    public static IReadOnlyList<string> Resolve(IndexReader reader, string dimension, IReadOnlyList<string> values)
    {
        if (SearchDimension.Find(dimension)?.Values != DimensionValues.AnyCase || values.Count == 0)
        {
            return values;
        }

        var matched = new List<string>();
        var wanted = new HashSet<string>(values, StringComparer.OrdinalIgnoreCase);
        var terms = MultiFields.GetTerms(reader, dimension);
        if (terms is not null)
        {
            var termsEnum = terms.GetEnumerator();
            while (termsEnum.MoveNext())
            {
                var term = termsEnum.Term.Utf8ToString();
                if (wanted.Contains(term))
                {
                    matched.Add(term);
                }
            }
        }

        // A value that matched terms is those terms (so a facet lists "GMV" selected, not also a "gmv" with no count); one
        // that matched none stays, and selects nothing.
        var known = new HashSet<string>(matched, StringComparer.OrdinalIgnoreCase);
        return [.. matched.Select(term => KeyOf(reader, dimension, term) ?? term).Concat(values.Where(v => !known.Contains(v))).Distinct(StringComparer.Ordinal)];
    }

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
