using Lucene.Net.Index;

namespace KnowledgeHub.Search;

/// <summary>
/// Lucene's tiered merges, plus a compaction on request (<see cref="RequestCompaction"/>, then
/// <see cref="IndexWriter.MaybeMerge"/>): the small segments — each at most a tenth of the index (or the tiered policy's
/// floor, 2 MB, in a smaller store) and <see cref="MaxSmallSegmentMB"/>, together at most that too — merged into one. The tiered policy keeps about two segments per size tier, so the
/// saves after a 20k rebuild left seven (the rebuilt one and six of a few documents), and every search looks each
/// of its terms up in every segment, a term enumerator allocated per lookup: on the 20k scale index a search cost
/// ~1.8 ms of CPU and 584 KB on seven segments, ~1.6 ms and 335 KB on one. The index asks for a compaction when it has
/// been idle for a while (<see cref="LuceneIndex"/>), so a burst of saves or a bulk import still merges by tiers, and
/// what a compaction rewrites is bounded by the small segments' size.
/// </summary>
internal sealed class CompactingMergePolicy : TieredMergePolicy
{
    /// <summary>A segment over this size is never rewritten by a compaction (the tiered merges take it on).</summary>
    public const double MaxSmallSegmentMB = 32;

    /// <summary>A segment over this share of the index is never rewritten by a compaction.</summary>
    public const double MaxSmallSegmentShare = 0.1;

    private volatile bool compactionRequested;

    /// <summary>The segments and bytes the last compaction merged (zero when it found fewer than two small segments).</summary>
    public (int Segments, long Bytes) LastCompaction { get; private set; }

    /// <summary>Asks the next explicit merge round (<see cref="IndexWriter.MaybeMerge"/>) for a compaction.</summary>
    public void RequestCompaction()
    {
        LastCompaction = (0, 0);
        compactionRequested = true;
    }

    public override MergeSpecification? FindMerges(MergeTrigger mergeTrigger, SegmentInfos infos)
    {
        ArgumentNullException.ThrowIfNull(infos);
        if (mergeTrigger == MergeTrigger.EXPLICIT && compactionRequested)
        {
            compactionRequested = false;
            if (SmallSegments(infos) is { Count: >= 2 } small)
            {
                LastCompaction = (small.Count, small.Sum(Size));
                var compaction = new MergeSpecification();
                compaction.Add(new OneMerge(small));
                return compaction;
            }
        }

        return base.FindMerges(mergeTrigger, infos);
    }

    /// <summary>
    /// The small segments not merging already, smallest first, as many as fit in <see cref="MaxSmallSegmentMB"/> together:
    /// an index of many mid-sized segments (say fifteen of 30 MB after an import) is not rewritten whole at once.
    /// </summary>
    private List<SegmentCommitInfo> SmallSegments(SegmentInfos infos)
    {
        var merging = m_writer.Get().MergingSegments;
        var all = infos.Segments.Select(info => (Info: info, Bytes: Size(info))).ToList();
        var maxBytes = MaxSmallSegmentMB * 1024 * 1024;
        // A tenth of the index, but never less than the tiered policy's floor: in a store of a few MB a tenth is two or
        // three documents, and the saves' segments stayed apart (the sample content kept four after four saves).
        var limit = Math.Min(Math.Max(all.Sum(s => s.Bytes) * MaxSmallSegmentShare, FloorSegmentMB * 1024 * 1024), maxBytes);
        var small = new List<SegmentCommitInfo>();
        var total = 0L;
        foreach (var (info, bytes) in all.Where(s => s.Bytes <= limit && !merging.Contains(s.Info)).OrderBy(s => s.Bytes))
        {
            if (small.Count >= 2 && total + bytes > maxBytes)
            {
                break;
            }

            small.Add(info);
            total += bytes;
        }

        return small;
    }
}
