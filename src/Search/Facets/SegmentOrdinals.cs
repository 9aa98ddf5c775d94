using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace KnowledgeHub.Search;

/// <summary>
/// A segment's SortedSetDocValues ordinals of one field, decoded once into two arrays (each document's ordinals are
/// <c>Ords[Starts[doc]..Starts[doc + 1]]</c>) and cached for the segment's life, keyed by its core like Lucene's own
/// field caches. Counting facets over thousands of hits then costs an array read per hit and dimension instead of a
/// walk through packed doc values. Deletions do not change a core, so the arrays stay valid; a merged segment is a new
/// core and gets its own. Memory: one int per document and per value.
/// </summary>
internal sealed class SegmentOrdinals
{
    private static readonly ConditionalWeakTable<object, Dictionary<string, SegmentOrdinals>> Cache = [];

    private SegmentOrdinals(int[] starts, int[] ords, int[]? single, string[] labels)
    {
        Starts = starts;
        Ords = ords;
        Single = single;
        Labels = labels;
    }

    public int[] Starts { get; }

    public int[] Ords { get; }

    /// <summary>
    /// When no document of the segment has more than one value (type, owner, year, status): each document's ordinal,
    /// -1 for none — one array read per hit instead of two and a loop. Null for a field with several values per document.
    /// </summary>
    public int[]? Single { get; }

    /// <summary>Each ordinal's value as text, so counts are labelled without decoding a term per search.</summary>
    public string[] Labels { get; }

    public long ValueCount => Labels.Length;

    /// <summary>Whether <see cref="Of"/> has decoded <paramref name="field"/> of this segment already (for tests).</summary>
    internal static bool IsDecoded(AtomicReader reader, string field)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!Cache.TryGetValue(reader.CoreCacheKey, out var byField))
        {
            return false;
        }

        lock (byField)
        {
            return byField.ContainsKey(field);
        }
    }

    /// <summary>The segment's ordinals of <paramref name="field"/>, or null when the segment has no such doc values.</summary>
    public static SegmentOrdinals? Of(AtomicReader reader, string field)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var byField = Cache.GetValue(reader.CoreCacheKey, _ => new Dictionary<string, SegmentOrdinals>(StringComparer.Ordinal));
        lock (byField)
        {
            if (byField.TryGetValue(field, out var known))
            {
                return known;
            }
        }

        var values = reader.GetSortedSetDocValues(field);
        if (values is null)
        {
            return null;
        }

        var built = Decode(values, reader.MaxDoc);
        lock (byField)
        {
            byField.TryAdd(field, built);
            return byField[field];
        }
    }

    private static SegmentOrdinals Decode(SortedSetDocValues values, int maxDoc)
    {
        var starts = new int[maxDoc + 1];
        var ords = new List<int>(maxDoc * 2);
        var severalInOne = false;
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = ords.Count;
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            {
                ords.Add((int)ord);
            }

            severalInOne |= ords.Count - starts[doc] > 1;
        }

        starts[maxDoc] = ords.Count;
        int[]? single = null;
        if (!severalInOne)
        {
            single = new int[maxDoc];
            for (var doc = 0; doc < maxDoc; doc++)
            {
                single[doc] = starts[doc + 1] > starts[doc] ? ords[starts[doc]] : -1;
            }
        }

        var labels = new string[values.ValueCount];
        var scratch = new BytesRef();
        for (var ord = 0; ord < labels.Length; ord++)
        {
            values.LookupOrd(ord, scratch);
            labels[ord] = scratch.Utf8ToString();
        }

        return new SegmentOrdinals(starts, [.. ords], single, labels);
    }
}
