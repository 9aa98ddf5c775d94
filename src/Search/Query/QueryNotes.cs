using System.Text.Json.Serialization;

namespace KnowledgeHub.Search;

/// <summary>What a <see cref="QueryNote"/> says; the portal words each kind in the user's language (the API names it as text).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QueryNoteKind>))]
public enum QueryNoteKind
{
    /// <summary>No document has every word: hits have most of them. <see cref="QueryNote.Words"/>: the words no readable document has.</summary>
    MostWords,

    /// <summary>Common words (how, the, 如何, 的) were not searched for. <see cref="QueryNote.Words"/>: them.</summary>
    IgnoredWords,

    /// <summary><c>-word</c> exclusions left out <see cref="QueryNote.Count"/> hits. <see cref="QueryNote.Words"/>: the excluded words.</summary>
    ExclusionsRemoved,

    /// <summary>Hyphens that do not read as exclusions (-o in a pasted passage) were searched as words. <see cref="QueryNote.Words"/>: them.</summary>
    HyphensKept,

    /// <summary>
    /// Filters typed with a Chinese name (<c>负责人：张三</c>, <c>标签：增长</c>, often the head of a pasted report) left no hits,
    /// so their text was searched as words. <see cref="QueryNote.Words"/>: the filters as typed.
    /// </summary>
    FilterAsWords,

    /// <summary>The query as written (quotes, signs, operators) found nothing, so its words were searched as plain text (which found the hits).</summary>
    SyntaxAsWords,

    /// <summary>
    /// A short query with quotes, signs or operators (<c>"retention campaign"</c>, <c>"tag": "618"</c>, <c>push AND zzz</c>)
    /// found nothing as written. Its syntax is meant, so nothing else was searched; the note says what its words find as plain
    /// text, within the caller's access and the filters: <see cref="QueryNote.Count"/> entries have every word (0 when none
    /// has them together), <see cref="QueryNote.Words"/> are the words no entry has at all, and
    /// <see cref="QueryNote.AsWords"/> is the search of its words to offer. Only when one of its words is somewhere.
    /// </summary>
    AsTypedFoundNothing,

    /// <summary>
    /// A run of Chinese searched as one phrase (<c>复盘要点</c>) left nothing — every word, most of them, any time — so its
    /// words were searched apart (复盘, 要点), which found the hits. <see cref="QueryNote.Words"/>: the runs as typed.
    /// </summary>
    RunsSplit,

    /// <summary>
    /// Nothing had the words as typed, and the last one — letters no entry has, at the end of the text — was searched as
    /// the start of a word, as a name or title cut mid-word is (<c>ConvertF</c> → ConvertFromURL), which found the hits.
    /// <see cref="QueryNote.Words"/>: that word as typed.
    /// </summary>
    LastWordAsPrefix,

    /// <summary>
    /// Nothing had the words as typed: words whose parts signs join (<c>GMV↑20%</c>, <c>node.js</c>), each a phrase of its
    /// parts, were searched as their parts, each a word (which found the hits). <see cref="QueryNote.Words"/>: those words.
    /// </summary>
    JoinedWordsSplit,

    /// <summary>
    /// The time filter left no hits, so it was not applied: the hits are the words' at any time (<see cref="QueryNote.Count"/>
    /// of them). <see cref="QueryNote.Words"/>: the time phrase; <see cref="AppliedTimeFilter.QueryAsWords"/> searches it as words.
    /// </summary>
    TimeFilterEmptied,

    // What was typed but not searched as written: the query's syntax searched as plain words, the text cut, a filter ignored.

    /// <summary>The syntax could not be read (an unclosed bracket or quote, a lone operator): the words were searched instead.</summary>
    SyntaxError,

    /// <summary>The query (or a prefix's expansion) had more clauses than Lucene allows: the words were searched instead.</summary>
    TooComplex,

    /// <summary>Fuzzy (<c>word~</c>), regular-expression (<c>/…/</c>) or range (<c>[a TO b]</c>) syntax: the words were searched instead.</summary>
    UnsupportedSyntax,

    /// <summary>A prefix shorter than <see cref="QueryNote.Count"/> characters before <c>*</c>: the words were searched instead.</summary>
    ShortPrefix,

    /// <summary>A wildcard inside a word (<c>te?t</c>, <c>ca*p</c>): the words were searched instead.</summary>
    InnerWildcard,

    /// <summary>A wildcard at the start of a word (<c>*word</c>): the words were searched instead.</summary>
    LeadingWildcard,

    /// <summary>A field other than <c>title:</c> and <c>body:</c>: the words were searched instead. <see cref="QueryNote.Words"/>: the field.</summary>
    UnknownField,

    /// <summary>The text was longer than <see cref="QueryNote.Count"/> characters: its first ones were searched.</summary>
    TooLong,

    /// <summary><c>status:</c> with a value that is no status; the filter was ignored. <see cref="QueryNote.Words"/>: the value.</summary>
    UnknownStatus,

    /// <summary>
    /// <c>type:</c> with a value that names no type (no template's key or name, and no type in the index); the filter was
    /// ignored. <see cref="QueryNote.Words"/>: the value.
    /// </summary>
    UnknownType,

    /// <summary><c>year:</c> with a value that is not four digits; the filter was ignored. <see cref="QueryNote.Words"/>: the value.</summary>
    NotAYear,

    /// <summary><c>updated:[…]</c> without <c>TO</c>; the filter was ignored. <see cref="QueryNote.Words"/>: the value.</summary>
    UnreadableRange,

    /// <summary>
    /// A day that is not <c>YYYY-MM-DD</c> (or not on the calendar) in <c>after:</c>, <c>before:</c>, <c>updated:</c> or the
    /// search page's from/to; the filter was ignored. <see cref="QueryNote.Words"/>: the text, then where it was (<c>after:</c>).
    /// </summary>
    UnreadableDate,

    /// <summary>
    /// A typed range whose start is after its end (<c>updated:[2026-12-01 TO 2026-01-01]</c>) was read the right way round.
    /// <see cref="QueryNote.Words"/>: the first and last day searched (<c>2026-01-01</c>, <c>2026-12-01</c>).
    /// </summary>
    RangeReversed,

    /// <summary>
    /// The date filters together leave no day (<c>after:2026-01-01 before:2025-01-01</c>, or a typed filter against the
    /// page's from/to), so nothing can match. <see cref="QueryNote.Words"/>: the first and last day they allow.
    /// </summary>
    NoDays,

    /// <summary>
    /// A filter typed with nothing to filter by (<c>type:""</c>, <c>标签：“”</c>); it was ignored. <see cref="QueryNote.Words"/>:
    /// the filter's name as typed, with its colon (<c>type:</c>).
    /// </summary>
    EmptyFilter,

    /// <summary>
    /// Nothing has all the words of a plain query of two or more, nor most of them, though some entry has one of them (and
    /// no exclusion or time filter took the hits away). <see cref="QueryNote.Words"/>: the words no entry the caller may read
    /// (within the filters) has at all — none when each is somewhere, only never with enough of the others.
    /// </summary>
    NoneTogether,

    /// <summary>
    /// A search with filters found nothing, and no entry the caller may read has these filter values at all (archived ones
    /// included, the other filters and the words aside). <see cref="QueryNote.Words"/>: them as filters (<c>tag:zzz</c>).
    /// </summary>
    FilterMatchesNothing,

    /// <summary>
    /// Nothing was found because archived documents were left out: <see cref="QueryNote.Count"/> archived documents have
    /// every word and filter (the page offers to include them).
    /// </summary>
    OnlyArchived,

    /// <summary>
    /// No document has every word unless archived ones are included: <see cref="QueryNote.Count"/> archived documents do
    /// (within the filters). Replaces <see cref="MostWords"/> on a page of documents with most of the words (the page
    /// offers to include archived ones).
    /// </summary>
    ArchivedHaveEveryWord,

    /// <summary>
    /// On a page of most words: <see cref="QueryNote.Words"/> are words no document has unless archived ones are included
    /// (the most-words note no longer names them as in no document; the page offers to include archived ones).
    /// </summary>
    OnlyArchivedHave,
}

/// <summary>A note about how the query was read, for the user (worded in the user's language by the portal).</summary>
public sealed record QueryNote(QueryNoteKind Kind, IReadOnlyList<string> Words, int Count = 0)
{
    /// <summary>A search to offer instead (<see cref="QueryNoteKind.AsTypedFoundNothing"/>: the text's words without its syntax, its filters kept); null for other notes.</summary>
    public string? AsWords { get; init; }

    /// <summary>
    /// <see cref="QueryNoteKind.NoneTogether"/> of words the search cut from text typed as one (a Chinese run such as
    /// 意味著, <see cref="QueryNoteKind.RunsSplit"/>): "try fewer words" is no advice for a query of one word, so the
    /// sentence says only which words no entry has (or that none has them together).
    /// </summary>
    public bool OfOneRun { get; init; }

    /// <summary>True when part of what was typed was not searched as written: syntax searched as words, text cut, a filter ignored.</summary>
    public bool NotAsTyped => Kind is QueryNoteKind.SyntaxError or QueryNoteKind.TooComplex or QueryNoteKind.UnsupportedSyntax
        or QueryNoteKind.ShortPrefix or QueryNoteKind.InnerWildcard or QueryNoteKind.LeadingWildcard or QueryNoteKind.UnknownField
        or QueryNoteKind.TooLong or QueryNoteKind.UnknownStatus or QueryNoteKind.UnknownType or QueryNoteKind.NotAYear or QueryNoteKind.UnreadableRange
        or QueryNoteKind.UnreadableDate or QueryNoteKind.RangeReversed or QueryNoteKind.FilterAsWords or QueryNoteKind.EmptyFilter or QueryNoteKind.SyntaxAsWords
        or QueryNoteKind.JoinedWordsSplit or QueryNoteKind.RunsSplit or QueryNoteKind.LastWordAsPrefix;

    public static QueryNote Of(QueryNoteKind kind, params string[] words) => new(kind, words);
}

/// <summary>
/// A time expression of the query read as a filter on the document's period (or date): <see cref="Phrase"/> as typed,
/// the days it covers (inclusive, in the caller's time zone), <see cref="QueryWithout"/> — the query without the phrase
/// (the chip's "remove" link) — and <see cref="QueryAsWords"/>, the query with the phrase searched as words instead.
/// </summary>
public sealed record AppliedTimeFilter(string Phrase, DateOnly From, DateOnly To, string QueryWithout, string QueryAsWords);

/// <summary>A hit found through the glossary: the query's <see cref="Term"/> matched the document's <see cref="Via"/> (复盘 → retrospective).</summary>
public sealed record GlossaryMatch(string Term, string Via);
