namespace KnowledgeHub.Search.Analysis;

/// <summary>A growable character buffer that <see cref="TextNormalizer"/> writes into; reused across texts.</summary>
internal sealed class NormalizedText
{
    public char[] Chars { get; private set; } = new char[256];

    public int Length { get; set; }

    public void Clear() => Length = 0;

    public void Ensure(int capacity)
    {
        if (Chars.Length < capacity)
        {
            var larger = new char[capacity];
            Array.Copy(Chars, larger, Length);
            Chars = larger;
        }
    }

    public void Append(char c)
    {
        if (Length == Chars.Length)
        {
            var larger = new char[Chars.Length * 2];
            Array.Copy(Chars, larger, Length);
            Chars = larger;
        }

        Chars[Length++] = c;
    }
}
