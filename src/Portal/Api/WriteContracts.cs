using System.ComponentModel;
using KnowledgeHub.Documents;

namespace KnowledgeHub.Portal.Api;

/// <summary><c>POST /api/v1/documents</c>: a new draft from a template. <see cref="Markdown"/> defaults to the template's body.</summary>
public sealed record ApiNewDocument
{
    [Description("The template (document type) key, e.g. weekly-report; see GET /api/v1/templates.")]
    public required string Type { get; init; }

    [Description("The title, at most 200 characters.")]
    public required string Title { get; init; }

    [Description("The body in Markdown; the template's body when left out.")]
    public string? Markdown { get; init; }

    [Description("Values of the template's fields, by key; other keys are ignored.")]
    public IReadOnlyDictionary<string, string>? Fields { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }
}

/// <summary><c>PUT /api/v1/documents/{id}</c>: a new version. Needs <c>If-Match</c> with the version it was based on.</summary>
public sealed record ApiDocumentUpdate
{
    public required string Title { get; init; }

    public required string Markdown { get; init; }

    [Description("Template fields to set (a blank value removes one); fields left out keep their values.")]
    public IReadOnlyDictionary<string, string?>? Fields { get; init; }

    [Description("The tags of the new version; left out, the tags stay as they are.")]
    public IReadOnlyList<string>? Tags { get; init; }

    public string? ChangeNote { get; init; }
}

/// <summary>What a write left: the document, its current version (also the <c>ETag</c>), its status and its page.</summary>
public sealed record ApiWriteResult(string Id, int Version, DocumentStatus Status, string Url);

/// <summary>A template: the fields and sections a document of the type must have.</summary>
public sealed record ApiTemplate(string Type, string Name, string NameZh, string Description, IReadOnlyList<ApiTemplateField> Fields, IReadOnlyList<string> Sections);

public sealed record ApiTemplateField(string Key, string Label);

/// <summary><c>POST …/submit</c>: ask reviewers (principals such as <c>user:{oid}</c>, <c>group:{id}</c>, <c>role:Reviewer</c>).</summary>
public sealed record ApiSubmit
{
    public required IReadOnlyList<string> Reviewers { get; init; }

    public string? Comment { get; init; }
}

/// <summary><c>POST …/approve</c> and <c>…/request-changes</c>: the reviewer's comment (required when requesting changes).</summary>
public sealed record ApiDecision
{
    public string? Comment { get; init; }
}

/// <summary>An attachment of a document.</summary>
public sealed record ApiAttachment(string Name, string ContentType, long Size, string Sha256, DateTimeOffset UploadedUtc, string UploadedByName, string Url);

/// <summary>An action item; <see cref="Index"/> (1-based, in document order) names it in <c>…/action-items/{index}/done</c>.</summary>
public sealed record ApiActionItem(string DocumentId, string DocumentTitle, int? Index, string Text, string? Owner, DateOnly? Due, bool Done, bool Overdue, string Url);

public sealed record ApiActionItems(int Total, IReadOnlyList<ApiActionItem> Items);

/// <summary>A lesson and the document it comes from.</summary>
public sealed record ApiLesson(string DocumentId, string DocumentTitle, string Type, string Text, string Url);

/// <summary>A page of lessons; <see cref="Notice"/>, <see cref="Notes"/> and <see cref="DidYouMean"/> as in <see cref="ApiSearchResponse"/>.</summary>
public sealed record ApiLessons(int Total, int Page, int PageSize, IReadOnlyList<ApiLesson> Lessons, string? Notice, IReadOnlyList<ApiQueryNote> Notes, string? DidYouMean);
