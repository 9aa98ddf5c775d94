using DiffPlex;
using DiffPlex.Chunkers;

namespace KnowledgeHub.Documents;

/// <summary>
/// What an edit conflict page shows: <see cref="Differences"/> from their saved text to yours (both texts,
/// word-level), what each side changed since the common base, and — when the two sides changed different
/// lines — a proposed merge the user can accept or edit. Nothing is lost: both texts stay available.
/// </summary>
public sealed record MergeView(
    IReadOnlyList<DiffSegment> Differences,
    IReadOnlyList<DiffSegment> TheirChanges,
    IReadOnlyList<DiffSegment> YourChanges,
    string? ProposedMerge,
    int ConflictingBlocks);

public static class ConflictMerge
{
    /// <summary>
    /// <paramref name="baseText"/> is the version both started from, <paramref name="theirs"/> the version saved
    /// meanwhile (<see cref="SaveResult.Conflict.Current"/>), <paramref name="yours"/> the text that was not saved.
    /// The proposed merge is line-based and null when both sides changed the same lines (or the texts are too long).
    /// </summary>
    public static MergeView Prepare(string baseText, string theirs, string yours)
    {
        ArgumentNullException.ThrowIfNull(baseText);
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(yours);
        string? merged = null;
        var conflicts = 0;
        if (baseText.Length + theirs.Length + yours.Length <= VersionDiff.MaxChars)
        {
            var merge = ThreeWayDiffer.Instance.CreateMerge(baseText, theirs, yours, false, false, LineEndingsPreservingChunker.Instance);
            conflicts = merge.ConflictBlocks.Count;
            merged = merge.IsSuccessful ? string.Concat(merge.MergedPieces) : null;
        }

        return new MergeView(
            VersionDiff.Compare(theirs, yours),
            VersionDiff.Compare(baseText, theirs),
            VersionDiff.Compare(baseText, yours),
            merged,
            conflicts);
    }
}
