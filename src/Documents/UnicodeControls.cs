using System.Buffers;

namespace KnowledgeHub.Documents;

/// <summary>
/// Characters that change how text looks without being seen, shared by every surface that accepts or shows user
/// text. C0 controls (U+0000–U+001F except tab, CR and LF) are refused on input; bidirectional controls (embeddings,
/// overrides and isolates U+202A–U+202E, U+2066–U+2069, the marks U+200E/U+200F and U+061C) are removed from file
/// names and from titles shown in lists, so "invoice‮fdp.exe" cannot pose as "invoiceexe.pdf".
/// </summary>
public static class UnicodeControls
{
    private static readonly SearchValues<char> Bidi = SearchValues.Create(
        "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    private static readonly SearchValues<char> RefusedC0 = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    /// <summary>The sentence for text refused because of a control character.</summary>
    public const string RefusedSentence =
        "The text contains a control character (such as NUL) that cannot be saved or searched; remove it and try again. 文本包含无法处理的控制字符，请删除后重试。";

    /// <summary>True when <paramref name="text"/> holds a C0 control other than tab, CR and LF.</summary>
    public static bool HasRefusedControl(string? text) => text is not null && text.AsSpan().IndexOfAny(RefusedC0) >= 0;

    /// <summary>True when <paramref name="text"/> holds a bidirectional control character.</summary>
    public static bool HasBidiControl(string? text) => text is not null && text.AsSpan().IndexOfAny(Bidi) >= 0;

    /// <summary><paramref name="text"/> without bidirectional controls (the same instance when it has none).</summary>
    public static string WithoutBidiControls(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasBidiControl(text))
        {
            return text;
        }

        return string.Create(text.Length - Count(text), text, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (!Bidi.Contains(c))
                {
                    span[i++] = c;
                }
            }
        });
    }

    /// <summary>A file name safe to store and show: bidirectional and all C0 controls removed, trimmed.</summary>
    public static string CleanFileName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var cleaned = WithoutBidiControls(name);
        if (HasRefusedControl(cleaned) || cleaned.Contains('\t', StringComparison.Ordinal) || cleaned.Contains('\r', StringComparison.Ordinal) || cleaned.Contains('\n', StringComparison.Ordinal))
        {
            cleaned = new string(cleaned.Where(c => !char.IsControl(c)).ToArray());
        }

        return cleaned.Trim();
    }

    private static int Count(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (Bidi.Contains(c))
            {
                count++;
            }
        }

        return count;
    }
}
