using KnowledgeHub.Documents;

namespace KnowledgeHub.Search;

/// <summary>Documents and lessons like a given text (MoreLikeThis), only from what the caller may read.</summary>
public sealed record RelatedResults(IReadOnlyList<RelatedHit> Documents, IReadOnlyList<RelatedHit> Lessons)
{
    public static RelatedResults None { get; } = new([], []);
}

/// <summary>A related document, or a lesson (<see cref="LessonText"/> set) of the document <see cref="DocumentId"/>.</summary>
public sealed record RelatedHit(string DocumentId, string Title, string? LessonText, string Type, DocumentStatus Status, float Score);

public enum SuggestionKind
{
    Tag,
    Title,
}

/// <summary>A search-as-you-type suggestion: a tag, or a document title with its <see cref="DocumentId"/>.</summary>
public sealed record SearchSuggestion(string Text, SuggestionKind Kind, string? DocumentId);
