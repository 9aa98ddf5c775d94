using Lucene.Net.Index;
using Lucene.Net.Util;

namespace KnowledgeHub.Search;

/// <summary>
/// One dimension inside a <see cref="FacetCollector"/>: the current segment's SortedSetDocValues, the
/// ordinals of the current document, whether they pass the dimension's selection, and the per-segment counts
/// by ordinal, added up by label when the segment ends.
/// </summary>
internal sealed class DimensionState(string dimension, bool counted, DimensionSelection? selection)
{
    private readonly HashSet<long> selectedOrds = [];
    private readonly BytesRef scratch = new();
    private SortedSetDocValues? values;
    private int[] ordCounts = [];
    private long[] docOrds = new long[8];
    private int docOrdCount;

    public string Dimension => dimension;

    public bool Counted => counted;

    public Dictionary<string, int> Labels { get; } = new(StringComparer.Ordinal);

    public void Start(SortedSetDocValues? segmentValues)
    {
        values = segmentValues;
        ordCounts = counted && values is not null ? new int[values.ValueCount] : [];
        selectedOrds.Clear();
        foreach (var value in selection?.Values ?? [])
        {
            var ord = values?.LookupTerm(new BytesRef(value)) ?? -1;
            if (ord >= 0)
            {
                selectedOrds.Add(ord);
            }
        }
    }

    public void Read(int doc)
    {
        docOrdCount = 0;
        if (values is null)
        {
            return;
        }

        values.SetDocument(doc);
        for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
        {
            if (docOrdCount == docOrds.Length)
            {
                Array.Resize(ref docOrds, docOrds.Length * 2);
            }

            docOrds[docOrdCount++] = ord;
        }
    }

    public bool Passes()
    {
        if (selection is null)
        {
            return true;
        }

        var any = false;
        for (var i = 0; i < docOrdCount && !any; i++)
        {
            any = selectedOrds.Contains(docOrds[i]);
        }

        return any != selection.Exclude;
    }

    public void Count()
    {
        if (ordCounts.Length > 0)
        {
            foreach (var ord in docOrds.AsSpan(0, docOrdCount))
            {
                ordCounts[ord]++;
            }
        }
    }

    public void Flush()
    {
        for (var ord = 0; ord < ordCounts.Length; ord++)
        {
            if (ordCounts[ord] > 0)
            {
                values!.LookupOrd(ord, scratch);
                var label = scratch.Utf8ToString();
                Labels[label] = Labels.GetValueOrDefault(label) + ordCounts[ord];
            }
        }

        ordCounts = [];
    }
}
