using KnowledgeHub.Search;

namespace KnowledgeHub.Portal.Pages.Search;

/// <summary>How a query was read, for the _QueryNotes partial of the search and lessons pages: the notes, the time filter and what was searched.</summary>
public sealed record QueryReading(IReadOnlyList<QueryNote> Notes, AppliedTimeFilter? TimeFilter, NoteSubject Subject = NoteSubject.Documents)
{
    /// <summary>The document types' names in the page's language, offered when a typed type is none of them.</summary>
    public IReadOnlyCollection<string>? TypeNames { get; init; }
}
