using Lucene.Net.Index;

namespace KnowledgeHub.Search;

/// <summary>
/// Values of the dimensions read <see cref="DimensionValues.AnyCase"/> (type, collection, tags) match whatever their case: <c>tag:gmv</c> finds "GMV". A value
/// becomes every indexed term equal to it ignoring case (found by walking the field's terms, which are few).
/// </summary>
internal static class FilterValues
{
    public static IReadOnlyList<string> Resolve(IndexReader reader, string dimension, IReadOnlyList<string> values)
    {
        if (SearchDimension.Find(dimension)?.Values != DimensionValues.AnyCase || values.Count == 0)
        {
            return values;
        }

        var found = new HashSet<string>(values, StringComparer.Ordinal);
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
                    found.Add(term);
                }
            }
        }

        return [.. found];
    }

    /// <summary>The constraints with their dimension values resolved against <paramref name="reader"/>.</summary>
    public static SearchConstraints ResolveAll(IndexReader reader, SearchConstraints constraints) => constraints with
    {
        Selected = constraints.Selected.ToDictionary(p => p.Key, p => Resolve(reader, p.Key, p.Value), StringComparer.Ordinal),
        Excluded = constraints.Excluded.ToDictionary(p => p.Key, p => Resolve(reader, p.Key, p.Value), StringComparer.Ordinal),
    };
}
