using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;

namespace KnowledgeHub.Documents;

public enum DiffKind
{
    Equal,
    Inserted,
    Deleted,
}

/// <summary>A run of text that both versions share, or that only the new one (inserted) or only the old one (deleted) has.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>
/// Word-level comparison of two texts that works for Chinese (see <see cref="DiffTokenizer"/>), with DiffPlex's
/// Myers diff. Concatenating the Equal and Deleted segments gives the old text; Equal and Inserted, the new one.
/// </summary>
/// <remarks>
/// Size guard: the common start and end are cut off first. A changed middle of at most
/// <see cref="MaxWordTokens"/> tokens is compared word by word; a larger one line by line, and each changed
/// block of lines of at most <see cref="MaxBlockTokens"/> tokens is refined word by word (up to
/// <see cref="MaxRefinedTokens"/> in all). More than <see cref="MaxLines"/> changed lines, or texts longer
/// than <see cref="MaxChars"/> together, show as one deletion and one insertion. So the worst case stays
/// well under a second and a typical edit costs microseconds.
/// </remarks>
public static class VersionDiff
{
    public const int MaxChars = 2_000_000;
    public const int MaxWordTokens = 10_000;
    public const int MaxLines = 20_000;
    public const int MaxBlockTokens = 2_000;
    public const int MaxRefinedTokens = 200_000;

    public static IReadOnlyList<DiffSegment> Compare(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        var output = new SegmentList();
        if (oldText.Length + newText.Length > MaxChars)
        {
            output.Add(DiffKind.Deleted, oldText).Add(DiffKind.Inserted, newText);
            return output.Segments;
        }

        var a = DiffTokenizer.Tokenize(oldText);
        var b = DiffTokenizer.Tokenize(newText);
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        output.Add(DiffKind.Equal, string.Concat(a.Take(prefix)));
        var oldMiddle = string.Concat(a.Skip(prefix).Take(a.Count - prefix - suffix));
        var newMiddle = string.Concat(b.Skip(prefix).Take(b.Count - prefix - suffix));
        if (a.Count + b.Count - (2 * (prefix + suffix)) <= MaxWordTokens)
        {
            AddDiff(output, oldMiddle, newMiddle, DiffTokenizer.Instance);
        }
        else
        {
            AddLineDiff(output, oldMiddle, newMiddle);
        }

        output.Add(DiffKind.Equal, string.Concat(a.Skip(a.Count - suffix)));
        return output.Segments;
    }

    private static void AddLineDiff(SegmentList output, string oldText, string newText)
    {
        var lines = Differ.Instance.CreateDiffs(oldText, newText, false, false, LineEndingsPreservingChunker.Instance);
        if (lines.PiecesOld.Count + lines.PiecesNew.Count > MaxLines)
        {
            output.Add(DiffKind.Deleted, oldText).Add(DiffKind.Inserted, newText);
            return;
        }

        var budget = MaxRefinedTokens;
        Walk(lines, output, (deleted, inserted) =>
        {
            var size = DiffTokenizer.Tokenize(deleted).Count + DiffTokenizer.Tokenize(inserted).Count;
            if (size <= MaxBlockTokens && size <= budget)
            {
                budget -= size;
                AddDiff(output, deleted, inserted, DiffTokenizer.Instance);
            }
            else
            {
                output.Add(DiffKind.Deleted, deleted).Add(DiffKind.Inserted, inserted);
            }
        });
    }

    private static void AddDiff(SegmentList output, string oldText, string newText, IChunker chunker) =>
        Walk(Differ.Instance.CreateDiffs(oldText, newText, false, false, chunker), output,
            (deleted, inserted) => output.Add(DiffKind.Deleted, deleted).Add(DiffKind.Inserted, inserted));

    /// <summary>Emits the equal runs between blocks and hands each changed block (deleted text, inserted text) to <paramref name="onChange"/>.</summary>
    private static void Walk(DiffResult result, SegmentList output, Action<string, string> onChange)
    {
        var old = result.PiecesOld;
        var position = 0;
        foreach (var block in result.DiffBlocks)
        {
            output.Add(DiffKind.Equal, Join(old, position, block.DeleteStartA - position));
            onChange(Join(old, block.DeleteStartA, block.DeleteCountA), Join(result.PiecesNew, block.InsertStartB, block.InsertCountB));
            position = block.DeleteStartA + block.DeleteCountA;
        }

        output.Add(DiffKind.Equal, Join(old, position, old.Count - position));
    }

    private static string Join(IReadOnlyList<string> pieces, int start, int count)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = start; i < start + count; i++)
        {
            builder.Append(pieces[i]);
        }

        return builder.ToString();
    }

    /// <summary>Segments without empty ones, adjacent ones of the same kind joined.</summary>
    private sealed class SegmentList
    {
        public List<DiffSegment> Segments { get; } = [];

        public SegmentList Add(DiffKind kind, string text)
        {
            if (text.Length == 0)
            {
                return this;
            }

            if (Segments.Count > 0 && Segments[^1].Kind == kind)
            {
                Segments[^1] = Segments[^1] with { Text = Segments[^1].Text + text };
            }
            else
            {
                Segments.Add(new DiffSegment(kind, text));
            }

            return this;
        }
    }
}
