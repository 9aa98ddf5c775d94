using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KnowledgeHub.Search;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace KnowledgeHub.Portal.Pages.Search;

/// <summary>
/// A <see cref="QueryNote"/> as a sentence in the request's language, from SearchQueryText.resx (zh-CN) and .en.resx:
/// one wording for the search and lessons pages and the API. What the user typed is quoted back cut to
/// <see cref="MaxShown"/> characters (the query itself may be 500); on a page it is marked as content
/// (<c>data-content</c>: it is the user's text, in whatever language they typed it) and syntax to type as code.
/// </summary>
public static class QueryNoteSentences
{
    public const int MaxShown = 40;

    /// <summary>How many type names the unknown-type note lists before "…".</summary>
    public const int MaxTypeChoices = 12;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// The sentence for <paramref name="note"/> as text; <paramref name="text"/> is the <c>SearchQueryText</c> localizer and
    /// <paramref name="subject"/> what was searched (the most-words notes name it: "No lesson has every word").
    /// <paramref name="typeNames"/>, the document types' names in the request's language, are offered by the unknown-type
    /// note (without them it points at the Type filter).
    /// </summary>
    public static string Sentence(this IStringLocalizer text, QueryNote note, NoteSubject subject = NoteSubject.Documents, IReadOnlyCollection<string>? typeNames = null) =>
        string.Join(" ", Parts(text, note, subject, typeNames).Select(part => text[part.Key, [.. part.Args.Select(a => a.Value)]].Value));

    /// <summary>The sentence for a page: the typed words in <c>&lt;span data-content&gt;</c>, syntax in <c>&lt;code&gt;</c>, all encoded.</summary>
    public static IHtmlContent Html(this IStringLocalizer text, QueryNote note, NoteSubject subject = NoteSubject.Documents, IReadOnlyCollection<string>? typeNames = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = Parts(text, note, subject, typeNames).Select(part => string.Format(
            CultureInfo.CurrentCulture,
            Encoder.Encode(text[part.Key].Value),
            [.. part.Args.Select(Markup)]));
        return new HtmlString(string.Join(" ", html));
    }

    /// <summary>The sentences of the notes saying what was not searched as typed, joined; null when there are none.</summary>
    public static string? NotAsTyped(this IStringLocalizer text, IEnumerable<QueryNote> notes, IReadOnlyCollection<string>? typeNames = null)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var sentences = notes.Where(n => n.NotAsTyped).Select(n => text.Sentence(n, typeNames: typeNames)).ToList();
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

    /// <summary>The resource keys of a note's sentence (most words: two) and their arguments.</summary>
    private static IEnumerable<(string Key, Arg[] Args)> Parts(IStringLocalizer text, QueryNote note, NoteSubject subject, IReadOnlyCollection<string>? typeNames)
    {
        ArgumentNullException.ThrowIfNull(note);
        var words = Typed(string.Join(" ", note.Words));
        var count = new Arg(note.Count, ArgKind.Number);
        var lessons = subject == NoteSubject.Lessons ? "Lessons" : "";
        switch (note.Kind)
        {
            case QueryNoteKind.NoneTogether when note.OfOneRun:
                // Its words were cut from what was typed as one: which are nowhere, else that none has them together.
                yield return note.Words.Count > 0 ? ("NoteUnmatched" + lessons, [words]) : ("NoteNoneTogetherOfOneRun" + lessons, []);
                break;
            case QueryNoteKind.MostWords or QueryNoteKind.NoneTogether:
                yield return ("Note" + note.Kind + lessons, []);
                if (note.Words.Count > 0)
                {
                    yield return ("NoteUnmatched" + lessons, [words]);
                }

                break;
            case QueryNoteKind.IgnoredWords:
                yield return ("NoteIgnored", [words]);
                break;
            case QueryNoteKind.ExclusionsRemoved:
                yield return ("NoteExclusions", [words, count]);
                break;
            case QueryNoteKind.HyphensKept:
                yield return ("NoteHyphens", [words]);
                break;
            case QueryNoteKind.FilterAsWords:
                yield return ("NoteFilterAsWords", [words]);
                break;
            case QueryNoteKind.TimeFilterEmptied:
                yield return ("NoteTimeEmpty", [words, count]);
                break;
            case QueryNoteKind.AsTypedFoundNothing when note.Count > 0:
                yield return ("NoteAsTypedFoundNothing" + lessons, [count]);
                break;
            case QueryNoteKind.AsTypedFoundNothing:
                // No entry has every word: the words none has at all, when there are some.
                yield return ("NoteAsTypedFoundNothingApart" + lessons, []);
                if (note.Words.Count > 0)
                {
                    yield return ("NoteUnmatched" + lessons, [words]);
                }

                break;
            case QueryNoteKind.SyntaxAsWords:
                yield return ("NoteSyntaxAsWords" + lessons, []);
                break;
            case QueryNoteKind.JoinedWordsSplit:
                yield return ("NoteJoinedWordsSplit" + lessons, [words]);
                break;
            case QueryNoteKind.RunsSplit:
                yield return ("NoteRunsSplit" + lessons, [words]);
                break;
            case QueryNoteKind.LastWordAsPrefix:
                yield return ("NoteLastWordAsPrefix" + lessons, [words]);
                break;
            case QueryNoteKind.ShortPrefix or QueryNoteKind.TooLong:
                yield return ("Note" + note.Kind, [count]);
                break;
            case QueryNoteKind.UnknownStatus:
                yield return ("NoteUnknownStatus", [Typed(Word(note, 0)), new Arg(text["StatusChoices"].Value, ArgKind.Syntax)]);
                break;
            case QueryNoteKind.UnknownType when typeNames is { Count: > 0 }:
                yield return ("NoteUnknownTypeChoices", [Typed(Word(note, 0)), new Arg(Choices(text, typeNames), ArgKind.Syntax)]);
                break;
            case QueryNoteKind.UnknownType:
                yield return ("NoteUnknownType", [Typed(Word(note, 0))]);
                break;
            case QueryNoteKind.OnlyArchived or QueryNoteKind.ArchivedHaveEveryWord:
                yield return ("Note" + note.Kind, [count]);
                break;
            case QueryNoteKind.OnlyArchivedHave:
                yield return ("NoteOnlyArchivedHave", [words]);
                break;
            case QueryNoteKind.FilterMatchesNothing:
                yield return ("NoteFilterMatchesNothing" + lessons, [words]);
                break;
            case QueryNoteKind.EmptyFilter:
                yield return ("NoteEmptyFilter", [new Arg(Word(note, 0), ArgKind.Syntax)]);
                break;
            case QueryNoteKind.RangeReversed or QueryNoteKind.NoDays:
                yield return ("Note" + note.Kind, [Typed(Word(note, 0)), Typed(Word(note, 1))]);
                break;
            case QueryNoteKind.UnreadableDate:
                // The second word is where the date was: a filter (after:) or the page's field label (From).
                yield return ("NoteUnreadableDate", [Typed(Word(note, 0)), new Arg(Word(note, 1), Word(note, 1).EndsWith(':') ? ArgKind.Syntax : ArgKind.Label)]);
                break;
            default:
                yield return ("Note" + note.Kind, [Typed(Word(note, 0))]);
                break;
        }
    }

    private static Arg Typed(string text) => new(Shown(text), ArgKind.Typed);

    /// <summary>The first <see cref="MaxTypeChoices"/> names, in the language's list separator, "…" when there are more.</summary>
    private static string Choices(IStringLocalizer text, IReadOnlyCollection<string> names)
    {
        var distinct = names.Distinct(StringComparer.Ordinal).ToList();
        var listed = string.Join(text["ChoiceSeparator"].Value, distinct.Take(MaxTypeChoices));
        return distinct.Count > MaxTypeChoices ? listed + "…" : listed;
    }

    private static string Word(QueryNote note, int index) => index < note.Words.Count ? note.Words[index] : "";

    private static string Markup(Arg arg) => arg.Kind switch
    {
        ArgKind.Typed => $"<span class=\"typed\" data-content>{Encoder.Encode(arg.Value.ToString()!)}</span>",
        ArgKind.Syntax => $"<code>{Encoder.Encode(arg.Value.ToString()!)}</code>",
        _ => Encoder.Encode(Convert.ToString(arg.Value, CultureInfo.CurrentCulture)!),
    };

    private enum ArgKind
    {
        Typed,
        Syntax,
        Label,
        Number,
    }

    private readonly record struct Arg(object Value, ArgKind Kind);
}

/// <summary>What a search looked through, as the notes on it name it.</summary>
public enum NoteSubject
{
    Documents,
    Lessons,
}
