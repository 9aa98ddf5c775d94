using System.Text;

namespace KnowledgeHub.Documents.Import;

/// <summary>
/// What the import needs to know of a PDF before the extractor reads it, from a bounded scan of the raw bytes (no
/// parser runs here): whether it is a PDF, whether it is encrypted, and the Title of its document information when
/// that is written as a plain string. The text itself is read by the isolated extractor.
/// </summary>
public static class PdfProbe
{
    private const int MaxTitleChars = 300;

    public static bool IsPdf(ReadOnlySpan<byte> content) => content.Length > 5 && content[..Math.Min(content.Length, 1024)].IndexOf("%PDF-"u8) >= 0;

    /// <summary>True when the trailer names an encryption dictionary (a password or rights-protected PDF).</summary>
    public static bool IsEncrypted(ReadOnlySpan<byte> content) => content.IndexOf("/Encrypt"u8) >= 0;

    /// <summary>The document information's Title, or null when there is none readable.</summary>
    public static string? Title(ReadOnlySpan<byte> content)
    {
        var at = content.LastIndexOf("/Title"u8);
        if (at < 0)
        {
            return null;
        }

        var rest = content[(at + "/Title".Length)..];
        var skip = 0;
        while (skip < rest.Length && rest[skip] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t')
        {
            skip++;
        }

        rest = rest[skip..];
        var bytes = rest.Length > 0 && rest[0] == '(' ? Literal(rest[1..]) : rest.Length > 0 && rest[0] == '<' ? Hex(rest[1..]) : null;
        return bytes is null ? null : Decode(bytes);
    }

    private static byte[] Literal(ReadOnlySpan<byte> text)
    {
        var result = new List<byte>();
        var depth = 0;
        for (var i = 0; i < text.Length && result.Count < MaxTitleChars * 4; i++)
        {
            var b = text[i];
            if (b == '\\' && i + 1 < text.Length)
            {
                var next = text[++i];
                if (next is >= (byte)'0' and <= (byte)'7')
                {
                    var value = 0;
                    var digits = 0;
                    while (digits < 3 && i < text.Length && text[i] is >= (byte)'0' and <= (byte)'7')
                    {
                        value = (value * 8) + (text[i++] - '0');
                        digits++;
                    }

                    i--;
                    result.Add((byte)value);
                    continue;
                }

                result.Add(next switch { (byte)'n' => (byte)'\n', (byte)'r' => (byte)'\r', (byte)'t' => (byte)'\t', _ => next });
                continue;
            }

            if (b == '(')
            {
                depth++;
            }
            else if (b == ')' && depth-- == 0)
            {
                break;
            }

            result.Add(b);
        }

        return [.. result];
    }

    private static byte[]? Hex(ReadOnlySpan<byte> text)
    {
        var end = text.IndexOf((byte)'>');
        if (end < 0 || end > MaxTitleChars * 8)
        {
            return null;
        }

        var digits = Encoding.ASCII.GetString(text[..end]).Where(char.IsAsciiHexDigit).ToArray();
        try
        {
            return Convert.FromHexString(new string(digits.Length % 2 == 0 ? digits : [.. digits, '0']));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? Decode(byte[] bytes)
    {
        var text = bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF
            ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2)
            : bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
                ? Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)
                : Encoding.Latin1.GetString(bytes);
        text = new string(text.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return text.Length == 0 ? null : text.Length > MaxTitleChars ? text[..MaxTitleChars] : text;
    }
}
