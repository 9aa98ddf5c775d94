using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>A dimension's selection: a document passes with any of <see cref="Values"/> (or, when <see cref="Exclude"/>, with none of them).</summary>
internal sealed record DimensionSelection(string Dimension, IReadOnlyCollection<string> Values, bool Exclude);

/// <summary>
/// Collects hits and facet counts in one pass, "drill-sideways": the query it runs has every constraint
/// except the dimension selections, which are checked here on SortedSetDocValues ordinals (decoded once per segment, <see cref="SegmentOrdinals"/>). A document passing
/// every selection is a hit (forwarded to <c>hits</c>, counted in every dimension); one failing exactly one
/// selection is counted only in that dimension, so each dimension's counts ignore its own selection.
/// Ordinal counts are kept per segment and added up by label when the segment ends.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly ICollector? hits;
    private readonly DimensionState[] dimensions;
    private readonly DimensionState[] selectors;
    private readonly bool selecting;
    private readonly bool counting;

    /// <summary>The current segment's hits (documents passing every selection), counted per dimension when the segment ends (from <see cref="ArrayPool{T}"/>).</summary>
    private int[] batch = [];
    private int batched;

    public FacetCollector(IEnumerable<string> counted, IReadOnlyList<DimensionSelection> selections, ICollector? hits)
    {
        this.hits = hits;
        var countedSet = counted.ToHashSet(StringComparer.Ordinal);
        dimensions =
        [
            .. countedSet.Union(selections.Select(s => s.Dimension)).Select(d =>
                new DimensionState(d, countedSet.Contains(d), selections.FirstOrDefault(s => s.Dimension == d))),
        ];
        selectors = [.. dimensions.Where(d => d.Selects)];
        selecting = selectors.Length > 0;
        counting = dimensions.Any(d => d.Counted);
    }

    /// <summary>Documents that passed every selection.</summary>
    public int TotalHits { get; private set; }

    /// <summary>Counting needs no order; the hits collector decides.</summary>
    public bool AcceptsDocsOutOfOrder => hits?.AcceptsDocsOutOfOrder ?? true;

    /// <summary>Counts by dimension and value label, after <see cref="Finish"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts =>
        dimensions.Where(d => d.Counted).ToDictionary(d => d.Dimension, d => (IReadOnlyDictionary<string, int>)d.Labels, StringComparer.Ordinal);

    public void SetScorer(Scorer scorer) => hits?.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        EndSegment();
        foreach (var dimension in dimensions)
        {
            dimension.Start(context.AtomicReader);
        }

        hits?.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (selecting)
        {
            // Only the dimensions with a selection are read per hit (most searches have one: archived documents left
            // out by status). A hit failing exactly one selection counts in that dimension alone; one failing none is
            // a hit and joins the batch, counted in every dimension when the segment ends.
            DimensionState? failed = null;
            foreach (var dimension in selectors)
            {
                if (!dimension.Passes(doc))
                {
                    if (failed is not null)
                    {
                        return;
                    }

                    failed = dimension;
                }
            }

            if (failed is not null)
            {
                failed.Count(doc);
                return;
            }
        }

        // Every dimension's counts take the hit, at the segment's end, in one tight loop per dimension.
        TotalHits++;
        hits?.Collect(doc);
        if (counting)
        {
            if (batched == batch.Length)
            {
                Grow();
            }

            batch[batched++] = doc;
        }
    }

    /// <summary>Adds the last segment's counts and returns the batch to the pool; call once after the search.</summary>
    public void Finish()
    {
        EndSegment();
        if (batch.Length > 0)
        {
            ArrayPool<int>.Shared.Return(batch);
            batch = [];
        }
    }

    /// <summary>Counts the segment's batch of hits and adds its counts up by label.</summary>
    private void EndSegment()
    {
        foreach (var dimension in dimensions)
        {
            if (batched > 0)
            {
                dimension.Count(batch.AsSpan(0, batched));
            }

            dimension.Flush();
        }

        batched = 0;
    }

    private void Grow()
    {
        var larger = ArrayPool<int>.Shared.Rent(Math.Max(1024, batch.Length * 2));
        batch.AsSpan().CopyTo(larger);
        if (batch.Length > 0)
        {
            ArrayPool<int>.Shared.Return(batch);
        }

        batch = larger;
    }
}
