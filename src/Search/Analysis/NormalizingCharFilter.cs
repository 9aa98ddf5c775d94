using Lucene.Net.Analysis;

namespace KnowledgeHub.Search.Analysis;

/// <summary>
/// <see cref="TextNormalizer"/> as a Lucene char filter, in front of every tokenizer of <see cref="SearchAnalyzer"/>:
/// reads the whole field value, normalizes it and serves the result; <see cref="CharFilter.CorrectOffset"/> maps
/// token offsets back into the original text, so highlighting over the stored text marks the characters that matched
/// (ＡＢＣ１２３, ⻥ or 鯨魚 in a document, found by ABC123, 鱼 or 鲸鱼).
/// </summary>
internal sealed class NormalizingCharFilter : CharFilter
{
    [ThreadStatic]
    private static Buffers? cached;

    private readonly Buffers buffers;
    private int position;
    private bool disposed;

    public NormalizingCharFilter(TextReader input)
        : base(input)
    {
        buffers = cached ?? new Buffers();
        cached = null;
        var original = buffers.Original;
        original.Clear();
        var chunk = buffers.Chunk;
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            original.Ensure(original.Length + read);
            Array.Copy(chunk, 0, original.Chars, original.Length, read);
            original.Length += read;
        }

        buffers.Corrections.Clear();
        TextNormalizer.Run(original.Chars.AsSpan(0, original.Length), buffers.Normal, buffers.Corrections);
    }

    public override int Read(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var normal = buffers.Normal;
        var n = Math.Min(count, normal.Length - position);
        if (n <= 0)
        {
            return 0;
        }

        Array.Copy(normal.Chars, position, buffer, index, n);
        position += n;
        return n;
    }

    public override int Read() => position < buffers.Normal.Length ? buffers.Normal.Chars[position++] : -1;

    public override int Peek() => position < buffers.Normal.Length ? buffers.Normal.Chars[position] : -1;

    protected override int Correct(int currentOff) => buffers.Corrections.Correct(currentOff);

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed && buffers.Original.Chars.Length <= Buffers.KeptChars)
        {
            cached = buffers; // the next text on this thread reuses them
        }

        disposed = true;
        base.Dispose(disposing);
    }

    private sealed class Buffers
    {
        /// <summary>Buffers grown past this many characters (a huge document) are not kept for the next text.</summary>
        public const int KeptChars = 1 << 20;

        public NormalizedText Original { get; } = new();

        public NormalizedText Normal { get; } = new();

        public OffsetCorrections Corrections { get; } = new();

        public char[] Chunk { get; } = new char[4096];
    }
}
