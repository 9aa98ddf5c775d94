namespace KnowledgeHub.Search.Analysis;

/// <summary>
/// Where offsets in normalized text stop matching the original, as Lucene's BaseCharFilter keeps them: from each
/// recorded output offset on, original = output + cumulative difference. Reused across texts.
/// </summary>
internal sealed class OffsetCorrections
{
    private int[] offsets = new int[8];
    private int[] diffs = new int[8];
    private int count;

    public void Clear() => count = 0;

    public void Add(int offset, int cumulativeDiff)
    {
        if (count > 0 && offsets[count - 1] == offset)
        {
            diffs[count - 1] = cumulativeDiff;
            return;
        }

        if (count == offsets.Length)
        {
            Array.Resize(ref offsets, count * 2);
            Array.Resize(ref diffs, count * 2);
        }

        offsets[count] = offset;
        diffs[count] = cumulativeDiff;
        count++;
    }

    /// <summary>The offset in the original text of <paramref name="offset"/> in the normalized one.</summary>
    public int Correct(int offset)
    {
        if (count == 0 || offset < offsets[0])
        {
            return offset;
        }

        var index = Array.BinarySearch(offsets, 0, count, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return offset + diffs[index];
    }
}
