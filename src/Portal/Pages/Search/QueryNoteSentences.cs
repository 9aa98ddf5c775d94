using KnowledgeHub.Documents;
using KnowledgeHub.Search;
using Microsoft.Extensions.Localization;

namespace KnowledgeHub.Portal.Pages.Search;

/// <summary>
/// A <see cref="QueryNote"/> as a sentence in the request's language, from SearchQueryText.resx (zh-CN) and .en.resx:
/// one wording for the search and lessons pages and the API. What the user typed is quoted back cut to
/// <see cref="MaxShown"/> characters (the query itself may be 500).
/// </summary>
public static class QueryNoteSentences
{
    public const int MaxShown = 40;

    private static readonly string StatusNames = string.Join(", ", Enum.GetNames<DocumentStatus>());

    /// <summary>The sentence for <paramref name="note"/>; <paramref name="text"/> is the <c>SearchQueryText</c> localizer.</summary>
    public static string Sentence(this IStringLocalizer text, QueryNote note)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(note);
        var words = string.Join(" ", note.Words);
        return note.Kind switch
        {
            QueryNoteKind.MostWords => note.Words.Count == 0 ? text["NoteMostWords"] : text["NoteMostWords"] + " " + text["NoteUnmatched", words],
            QueryNoteKind.IgnoredWords => text["NoteIgnored", words],
            QueryNoteKind.ExclusionsRemoved => text["NoteExclusions", words, note.Count],
            QueryNoteKind.HyphensKept => text["NoteHyphens", words],
            QueryNoteKind.TimeFilterEmptied => text["NoteTimeEmpty", words, note.Count],
            QueryNoteKind.ShortPrefix or QueryNoteKind.TooLong => text["Note" + note.Kind, note.Count],
            QueryNoteKind.UnknownStatus => text["NoteUnknownStatus", Shown(note, 0), StatusNames],
            _ => text["Note" + note.Kind, Shown(note, 0), Shown(note, 1)],
        };
    }

    /// <summary>The sentences of the notes saying what was not searched as typed, joined; null when there are none.</summary>
    public static string? NotAsTyped(this IStringLocalizer text, IEnumerable<QueryNote> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var sentences = notes.Where(n => n.NotAsTyped).Select(n => text.Sentence(n)).ToList();
        return sentences.Count == 0 ? null : string.Join(" ", sentences);
    }

    /// <summary>Typed text quoted back, at most <see cref="MaxShown"/> characters.</summary>
    public static string Shown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= MaxShown)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[MaxShown - 1]) ? MaxShown - 1 : MaxShown;
        return text[..end] + "…";
    }

    private static string Shown(QueryNote note, int index) => index < note.Words.Count ? Shown(note.Words[index]) : "";
}
