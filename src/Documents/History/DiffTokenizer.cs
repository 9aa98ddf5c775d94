using System.Globalization;
using System.Text;
using DiffPlex;

namespace KnowledgeHub.Documents;

/// <summary>
/// Splits text into diff tokens so a word-level diff also works for Chinese, which has no spaces:
/// each CJK character (Han, kana, CJK punctuation is punctuation) is a token, a run of other letters and
/// digits is a word, a run of whitespace is one token, and every other character is a token of its own.
/// Joining the tokens gives the text back exactly.
/// </summary>
public sealed class DiffTokenizer : IChunker
{
    public static DiffTokenizer Instance { get; } = new();

    public static IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (!Rune.TryGetRuneAt(text, i, out var rune))
            {
                rune = Rune.ReplacementChar; // a lone surrogate is a token of its own
                i++;
            }
            else
            {
                i += rune.Utf16SequenceLength;
            }

            if (IsCjk(rune))
            {
                // one character
            }
            else if (Rune.IsWhiteSpace(rune))
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
            }
            else if (IsWordRune(rune))
            {
                while (i < text.Length && Rune.TryGetRuneAt(text, i, out var next) && IsWordRune(next))
                {
                    i += next.Utf16SequenceLength;
                }
            }

            tokens.Add(text[start..i]);
        }

        return tokens;
    }

    /// <summary>True for a CJK character of the Basic Multilingual Plane (surrogates are not).</summary>
    public static bool IsCjk(char c) => !char.IsSurrogate(c) && IsCjk(new Rune(c));

    public IReadOnlyList<string> Chunk(string text) => Tokenize(text);

    private static bool IsCjk(Rune rune) => rune.Value switch
    {
        >= 0x3040 and <= 0x30FF => true,   // Hiragana, Katakana
        >= 0x3400 and <= 0x4DBF => true,   // CJK Extension A
        >= 0x4E00 and <= 0x9FFF => true,   // CJK Unified Ideographs
        >= 0xF900 and <= 0xFAFF => true,   // CJK Compatibility Ideographs
        >= 0x20000 and <= 0x3134F => true, // CJK Extensions B to G
        _ => false,
    };

    /// <summary>Letters, digits, combining marks and '_' outside CJK: "don't" is three tokens, "snake_case" one.</summary>
    private static bool IsWordRune(Rune rune) =>
        !IsCjk(rune) && Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;
}
