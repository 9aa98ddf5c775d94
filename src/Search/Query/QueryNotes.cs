namespace KnowledgeHub.Search;

/// <summary>What a <see cref="QueryNote"/> says; the portal words each kind in the user's language.</summary>
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
    /// The time filter left no hits, so it was not applied: the hits are the words' at any time (<see cref="QueryNote.Count"/>
    /// of them). <see cref="QueryNote.Words"/>: the time phrase; <see cref="AppliedTimeFilter.QueryAsWords"/> searches it as words.
    /// </summary>
    TimeFilterEmptied,
}

/// <summary>A note about how the query was read, for the user (localized by the portal).</summary>
public sealed record QueryNote(QueryNoteKind Kind, IReadOnlyList<string> Words, int Count = 0);

/// <summary>
/// A time expression of the query read as a filter on the document's period (or date): <see cref="Phrase"/> as typed,
/// the days it covers (inclusive, in the caller's time zone), <see cref="QueryWithout"/> — the query without the phrase
/// (the chip's "remove" link) — and <see cref="QueryAsWords"/>, the query with the phrase searched as words instead.
/// </summary>
public sealed record AppliedTimeFilter(string Phrase, DateOnly From, DateOnly To, string QueryWithout, string QueryAsWords);

/// <summary>A hit found through the glossary: the query's <see cref="Term"/> matched the document's <see cref="Via"/> (复盘 → retrospective).</summary>
public sealed record GlossaryMatch(string Term, string Via);
