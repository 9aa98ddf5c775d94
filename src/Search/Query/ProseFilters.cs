namespace KnowledgeHub.Search;

/// <summary>
/// A filter typed with a Chinese name (<see cref="SearchDimension.ChineseNames"/>) or with a blank after its colon may be
/// prose (<see cref="TypedFilter.MayBeProse"/>): <c>负责人：张三</c>, <c>标签：增长</c> or <c>Owner: Alice</c> at the head
/// of a pasted report reads as a filter, since any value reads as an owner or a tag. When such filters leave no hits,
/// the search runs again with them as words and, if that finds something, says so (<see cref="QueryNoteKind.FilterAsWords"/>).
/// Decided by the caller's own hits, so it tells nobody whether documents they may not read hold that value.
/// </summary>
internal static class ProseFilters
{
    /// <summary>
    /// Runs <paramref name="once"/> with <paramref name="reads"/> (filters that may be prose taken out when their value
    /// reads); <paramref name="once"/> returns its results and the typed filters it applied. When that finds nothing and
    /// some of those filters may be prose, runs it again with every one of them kept as words, and keeps that run,
    /// with the note, when it finds something.
    /// </summary>
    public static T Read<T>(Func<TypedFilter, bool> reads, Func<Func<TypedFilter, bool>, (T Results, IReadOnlyList<TypedFilter> Filters)> once, Func<T, int> total, Func<T, QueryNote, T> withNote)
    {
        var (first, filters) = once(reads);
        // An empty value selected nothing (it was ignored with its own note): it is no reason to search again.
        var named = total(first) > 0 ? [] : filters.Where(f => f.Value.Length > 0 && f.MayBeProse).ToList();
        if (named.Count == 0)
        {
            return first;
        }

        var (asWords, _) = once(_ => false);
        return total(asWords) > 0
            ? withNote(asWords, new QueryNote(QueryNoteKind.FilterAsWords, [.. named.Select(f => f.AsWritten)]))
            : first;
    }
}
