using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Pages.Search;
using KnowledgeHub.Search;
using Microsoft.Extensions.Localization;

namespace KnowledgeHub.Portal.Api;

/// <summary>
/// <c>GET /api/v1/search</c>: one page of hits the caller may read, trimmed as the search page trims. <see cref="Notice"/>
/// is null when the query was searched as typed, else the sentences saying what was not (syntax searched as words, text
/// cut, a filter ignored); <see cref="Notes"/> are all the notes on how it was read, as on the search page.
/// <see cref="DidYouMean"/> is the query with its misspelt words corrected when few documents match and it finds more
/// (the search page's "Did you mean"); null otherwise.
/// </summary>
public sealed record ApiSearchResponse(string Query, int Total, int Page, int PageSize, IReadOnlyList<ApiSearchHit> Hits, string? Notice, IReadOnlyList<ApiQueryNote> Notes, string? DidYouMean);

/// <summary>
/// A note on how the query was read: its <see cref="Kind"/> for scripts, <see cref="Text"/> in the request's language
/// (English unless Accept-Language asks for Chinese), the <see cref="Words"/> it names and a <see cref="Count"/>
/// (results, characters) where the kind has one; <see cref="AsWords"/>, a search to run instead where the note offers one
/// (<c>AsTypedFoundNothing</c>: the words without their quotes and operators), as the <c>q</c> of the same request.
/// </summary>
public sealed record ApiQueryNote(QueryNoteKind Kind, string Text, IReadOnlyList<string> Words, int Count, string? AsWords = null)
{
    public static IReadOnlyList<ApiQueryNote> Of(IEnumerable<QueryNote> notes, IStringLocalizer text, NoteSubject subject = NoteSubject.Documents, IReadOnlyCollection<string>? typeNames = null)
    {
        ArgumentNullException.ThrowIfNull(notes);
        return [.. notes.Select(n => new ApiQueryNote(n.Kind, text.Sentence(n, subject, typeNames), n.Words, n.Count, n.AsWords))];
    }
}

/// <summary>A hit. <see cref="Snippet"/> is HTML-encoded text with &lt;mark&gt; only; <see cref="Url"/> is the document's page, relative to the portal.</summary>
public sealed record ApiSearchHit(string Id, string Title, string Type, DocumentStatus Status, DateTimeOffset UpdatedUtc, string Snippet, string Url);

/// <summary>
/// <c>GET /api/v1/documents/{id}</c>: what the caller may see of the document and the Markdown of <see cref="Version"/>,
/// the version a reader sees. <see cref="CurrentVersion"/> is the newest version the caller may see (a reader is not
/// told of a pending draft). 403 for a Restricted document without a download grant.
/// </summary>
public sealed record ApiDocument(
    string Id,
    string Type,
    string Title,
    DocumentStatus Status,
    string Owner,
    string OwnerName,
    string Collection,
    IReadOnlyList<string> Tags,
    Confidentiality Confidentiality,
    int CurrentVersion,
    DateTimeOffset UpdatedUtc,
    string Markdown,
    int Version);
