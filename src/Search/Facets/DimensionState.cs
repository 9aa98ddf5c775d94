using Lucene.Net.Index;
using Lucene.Net.Util;

namespace KnowledgeHub.Search;

/// <summary>
/// One dimension inside a <see cref="FacetCollector"/>: the current segment's ordinals (decoded once per segment,
/// <see cref="SegmentOrdinals"/>), whether a document passes the dimension's selection, and the per-segment counts by
/// ordinal, added up by label (decoded with the ordinals) when the segment ends.
/// </summary>
internal sealed class DimensionState(string dimension, bool counted, DimensionSelection? selection)
{
    /// <summary>The current segment's selected ordinals, by ordinal (an array read per hit, not a hash lookup).</summary>
    private bool[] selectedOrds = [];
    private SortedSetDocValues? values;
    private SegmentOrdinals? ordinals;
    private int[] ordCounts = [];

    public string Dimension => dimension;

    public bool Counted => counted;

    /// <summary>Whether the dimension has a selection a document must pass.</summary>
    public bool Selects => selection is not null;

    public Dictionary<string, int> Labels { get; } = new(StringComparer.Ordinal);

    public void Start(AtomicReader reader)
    {
        ordinals = SegmentOrdinals.Of(reader, dimension);
        values = ordinals is null ? null : reader.GetSortedSetDocValues(dimension);
        ordCounts = counted && ordinals is not null ? new int[ordinals.ValueCount] : [];
        selectedOrds = selection is null || ordinals is null ? [] : new bool[ordinals.ValueCount];
        foreach (var value in selectedOrds.Length == 0 ? [] : selection!.Values)
        {
            var ord = values!.LookupTerm(new BytesRef(value));
            if (ord >= 0)
            {
                selectedOrds[ord] = true;
            }
        }
    }

    /// <summary>Whether <paramref name="doc"/> (of the current segment) passes the dimension's selection.</summary>
    public bool Passes(int doc)
    {
        if (selection is null)
        {
            return true;
        }

        var any = false;
        if (ordinals is { Single: { } single })
        {
            var ord = single[doc];
            any = ord >= 0 && selectedOrds[ord];
        }
        else if (ordinals is not null)
        {
            var (starts, ords) = (ordinals.Starts, ordinals.Ords);
            for (var i = starts[doc]; i < starts[doc + 1] && !any; i++)
            {
                any = selectedOrds[ords[i]];
            }
        }

        return any != selection.Exclude;
    }

    /// <summary>Counts the values of one document of the current segment.</summary>
    public void Count(int doc)
    {
        if (ordCounts.Length > 0)
        {
            var (starts, ords) = (ordinals!.Starts, ordinals.Ords);
            for (var i = starts[doc]; i < starts[doc + 1]; i++)
            {
                ordCounts[ords[i]]++;
            }
        }
    }

    /// <summary>
    /// Counts the values of <paramref name="docs"/> (documents of the current segment), for a collector without
    /// selections: one dimension over a batch of hits is a tight loop over two or three arrays.
    /// </summary>
    public void Count(ReadOnlySpan<int> docs)
    {
        if (ordCounts.Length == 0)
        {
            return;
        }

        var counts = ordCounts;
        if (ordinals!.Single is { } single)
        {
            foreach (var doc in docs)
            {
                var ord = single[doc];
                if (ord >= 0)
                {
                    counts[ord]++;
                }
            }

            return;
        }

        var (starts, ords) = (ordinals.Starts, ordinals.Ords);
        foreach (var doc in docs)
        {
            for (var i = starts[doc]; i < starts[doc + 1]; i++)
            {
                counts[ords[i]]++;
            }
        }
    }

    public void Flush()
    {
        for (var ord = 0; ord < ordCounts.Length; ord++)
        {
            if (ordCounts[ord] > 0)
            {
                var label = ordinals!.Labels[ord];
                Labels[label] = Labels.GetValueOrDefault(label) + ordCounts[ord];
            }
        }

        ordCounts = [];
    }
}
