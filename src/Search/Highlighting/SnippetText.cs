using System.Globalization;

namespace KnowledgeHub.Search;

/// <summary>
/// Where a snippet fragment starts and ends in the original text. Edges fall on word boundaries: never inside a word
/// of a script with spaces (Latin, Cyrillic, digits), never between the halves of a surrogate pair; between two
/// Chinese or Japanese characters any place is a boundary, but an edge just after punctuation or a space is
/// preferred when one is near. The fragment is then always a contiguous excerpt of the text.
/// </summary>
internal static class SnippetText
{
    /// <summary>How far an edge may move to reach punctuation or a space before it settles for any word boundary.</summary>
    internal const int Slack = 24;

    /// <summary>
    /// The fragment [start, end) of about <paramref name="size"/> characters that holds text[mustStart..mustEnd] and
    /// begins about <paramref name="lead"/> characters before it.
    /// </summary>
    public static (int Start, int End) Bounds(string text, int mustStart, int mustEnd, int size, int lead)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = StartAt(text, Math.Max(0, mustStart - lead), mustStart);
        var end = EndAt(text, Math.Max(mustEnd, Math.Min(text.Length, start + size)), mustEnd);
        return (start, end);
    }

    /// <summary>"…" before and after the encoded fragment where the text goes on (other than with white space or invisible characters).</summary>
    public static string WithEllipses(string html, string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(text);
        var before = Visible(text.AsSpan(0, start)) ? "…" : "";
        var after = Visible(text.AsSpan(end)) ? "…" : "";
        return before + html + after;
    }

    /// <summary>True when <paramref name="text"/> has a character that shows: neither white space nor an invisible format character (a byte-order mark).</summary>
    private static bool Visible(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && !Analysis.TextNormalizer.IsIgnorable(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A start at or before <paramref name="wanted"/> (never after <paramref name="limit"/>) on a boundary.</summary>
    internal static int StartAt(string text, int wanted, int limit)
    {
        wanted = Math.Clamp(wanted, 0, limit);
        for (var p = wanted; p >= 0 && wanted - p <= Slack; p--)
        {
            if (p == 0 || IsBreak(text[p - 1]))
            {
                return p;
            }
        }

        for (var p = wanted; p >= 0 && wanted - p <= Slack; p--)
        {
            if (IsBoundary(text, p))
            {
                return p;
            }
        }

        // A very long word: start after it instead (the match itself always starts on a boundary).
        for (var p = wanted; p < limit; p++)
        {
            if (IsBoundary(text, p))
            {
                return p;
            }
        }

        return limit;
    }

    /// <summary>An end at or after <paramref name="floor"/>, near <paramref name="wanted"/>, on a boundary.</summary>
    internal static int EndAt(string text, int wanted, int floor)
    {
        wanted = Math.Clamp(wanted, floor, text.Length);
        for (var p = wanted; p >= floor && wanted - p <= Slack; p--)
        {
            if (p == text.Length || (p > 0 && IsBreak(text[p - 1]) && IsBoundary(text, p)))
            {
                return p;
            }
        }

        for (var p = wanted; p >= floor && wanted - p <= Slack; p--)
        {
            if (IsBoundary(text, p))
            {
                return p;
            }
        }

        for (var p = wanted; p < text.Length; p++)
        {
            if (IsBoundary(text, p))
            {
                return p;
            }
        }

        return text.Length;
    }

    /// <summary>True when a fragment may start or end at <paramref name="p"/>.</summary>
    internal static bool IsBoundary(string text, int p)
    {
        if (p <= 0 || p >= text.Length)
        {
            return true;
        }

        if (char.IsLowSurrogate(text[p]) && char.IsHighSurrogate(text[p - 1]))
        {
            return false;
        }

        return !(IsWordPart(text[p - 1]) && IsWordPart(text[p]));
    }

    /// <summary>A character of a word written with spaces between words (a letter, digit or combining mark outside CJK).</summary>
    internal static bool IsWordPart(char c)
    {
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        if (char.IsSurrogate(c) || IsCjk(c))
        {
            return false;
        }

        // Format characters (a soft hyphen, a zero-width joiner) sit inside a word: search reads through them.
        return char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.OtherLetter
            or UnicodeCategory.Format;
    }

    /// <summary>Chinese and Japanese characters (written without spaces), the radicals and compatibility forms included.</summary>
    private static bool IsCjk(char c) =>
        c is (>= '\u2E80' and <= '\u2FDF') or (>= '\u3000' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>White space or punctuation: the nicest place for a fragment edge.</summary>
    private static bool IsBreak(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c);
}
