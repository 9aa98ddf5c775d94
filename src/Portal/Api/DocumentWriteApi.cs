using KnowledgeHub.Documents;
using KnowledgeHub.Documents.UseCases;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Components;
using KnowledgeHub.Portal.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeHub.Portal.Api;

/// <summary>
/// Create and update for scripts, through the same use cases and rules as the New and Edit pages: creating needs the
/// Contributor role (403, audited), editing needs the edit right on the document (<see cref="DocumentReader.OpenForEditAsync"/>:
/// unreadable is 404, read-only is 403, both audited). An update must name the version it was based on in
/// <c>If-Match</c> (428 without, 412 when stale), so a script never overwrites a colleague's edit unseen.
/// </summary>
public static class DocumentWriteApi
{
    public static async Task<Ok<IReadOnlyList<ApiTemplate>>> ListTemplatesAsync(TemplateCatalog templates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var list = await templates.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ApiTemplate>>(list.Select(t => new ApiTemplate(
                t.Key, t.Name, t.NameZh, t.Description,
                t.RequiredFields.Select(f => new ApiTemplateField(f.Key, f.Label)).ToList(),
                t.RequiredSections.Select(s => s.Title).ToList()))
            .ToList());
    }

    public static async Task<Results<Created<ApiWriteResult>, ProblemHttpResult>> CreateAsync(
        HttpContext context, TemplateCatalog templates, DocumentWriter writer, CollectionCatalog collections)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(collections);
        var caller = context.GetCaller();
        var cancellationToken = context.RequestAborted;
        if (!DocumentAccess.CanCreate(caller))
        {
            await writer.RecordDeniedAsync(AuditActions.Create, null, caller, cancellationToken);
            return ApiProblems.Forbidden(ApiProblems.Sentence("CreateNeedsContributor"));
        }

        var (body, refusal) = await ApiBody.ReadAsync<ApiNewDocument>(context);
        if (refusal is not null)
        {
            return refusal;
        }

        var template = string.IsNullOrWhiteSpace(body!.Type) ? null : await templates.GetAsync(body.Type.Trim(), cancellationToken);
        if (template is null)
        {
            return ApiProblems.BadRequest(ApiProblems.Sentence("NoTemplate", body.Type));
        }

        var title = DocumentRules.NormalizeTitle(body.Title);
        var markdown = body.Markdown ?? template.Markdown;
        var fields = body.Fields?.Select(f => KeyValuePair.Create(f.Key, (string?)f.Value));
        if (ApiInput.Check(title, markdown, fields, body.Tags) is { } bad)
        {
            return ApiProblems.Problem(bad.Status, bad.Sentence);
        }

        var manifest = await writer.CreateAsync(
            collections.Apply(new NewDocument
            {
                Type = template.Key,
                Title = title,
                Markdown = markdown,
                Metadata = TemplateFields.Merge(new Dictionary<string, string>(), template, (body.Fields ?? new Dictionary<string, string>()).ToDictionary(f => f.Key, f => (string?)f.Value, StringComparer.OrdinalIgnoreCase)),
                Tags = ApiInput.Tags(body.Tags),
                Collection = template.DefaultCollection,
                Confidentiality = template.DefaultConfidentiality,
            }),
            caller,
            cancellationToken);
        VersionETag.Set(context.Response, manifest.CurrentVersion);
        var url = DocumentLinks.View(manifest.Id);
        return TypedResults.Created(ApiEndpoints.Prefix + "/v1/documents/" + manifest.Id, new ApiWriteResult(manifest.Id, manifest.CurrentVersion, manifest.Status, url));
    }

    public static async Task<Results<Ok<ApiWriteResult>, ProblemHttpResult>> UpdateAsync(
        HttpContext context, string id, DocumentReader reader, DocumentWriter writer, TemplateCatalog templates, DocumentRepository documents)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(documents);
        var caller = context.GetCaller();
        var cancellationToken = context.RequestAborted;
        if (!DocumentIds.IsValid(id))
        {
            return ApiProblems.NotFound();
        }

        var target = await reader.OpenForEditAsync(id, caller, cancellationToken);
        if (await EditRefusalAsync(target, documents, id, caller, cancellationToken) is { } refused)
        {
            return refused;
        }

        var ifMatch = VersionETag.Read(context.Request);
        if (ifMatch.Kind == IfMatchKind.Absent)
        {
            return ApiProblems.Problem(
                StatusCodes.Status428PreconditionRequired,
                ApiProblems.Sentence("IfMatchRequired"));
        }

        var manifest = target.Manifest!;
        if (ifMatch.Refusal(manifest.CurrentVersion) is { } stale)
        {
            VersionETag.Set(context.Response, manifest.CurrentVersion);
            return stale;
        }

        var (body, refusal) = await ApiBody.ReadAsync<ApiDocumentUpdate>(context);
        if (refusal is not null)
        {
            return refusal;
        }

        var title = DocumentRules.NormalizeTitle(body!.Title);
        if (body.Markdown is null)
        {
            // "required" in JSON means present; an explicit null is still no text.
            return ApiProblems.BadRequest(ApiProblems.Sentence("MarkdownRequired"));
        }

        if (ApiInput.Check(title, body.Markdown, body.Fields, body.Tags) is { } bad)
        {
            return ApiProblems.Problem(bad.Status, bad.Sentence);
        }

        var template = await templates.GetAsync(manifest.Type, cancellationToken);
        var edit = new DocumentEdit
        {
            Id = manifest.Id,
            BaseVersion = ifMatch.Kind == IfMatchKind.Any ? manifest.CurrentVersion : ifMatch.Version,
            Title = title,
            Markdown = body.Markdown.ReplaceLineEndings("\n"),
            Metadata = TemplateFields.Merge(target.Current!.Metadata, template, body.Fields ?? new Dictionary<string, string?>()),
            Tags = body.Tags is null ? null : ApiInput.Tags(body.Tags),
            ChangeNote = body.ChangeNote?.Trim() ?? "",
        };
        switch (await writer.SaveAsync(edit, caller, cancellationToken))
        {
            case SaveResult.Saved saved:
                VersionETag.Set(context.Response, saved.Manifest.CurrentVersion);
                return TypedResults.Ok(new ApiWriteResult(saved.Manifest.Id, saved.Manifest.CurrentVersion, saved.Manifest.Status, DocumentLinks.View(saved.Manifest.Id)));
            case SaveResult.Conflict conflict:
                // Someone saved between our read and our write: the same answer as a stale If-Match.
                VersionETag.Set(context.Response, conflict.Manifest.CurrentVersion);
                return new IfMatch(IfMatchKind.Version, edit.BaseVersion).Refusal(conflict.Manifest.CurrentVersion)!;
            default:
                return ApiProblems.NotFound();
        }
    }

    /// <summary>403 with the policy's own sentence for why <paramref name="caller"/> may not take <paramref name="action"/>.</summary>
    internal static async Task<ProblemHttpResult> ForbiddenAsync(DocumentRepository documents, string id, Caller caller, DocumentAction action, CancellationToken cancellationToken) =>
        ApiProblems.Forbidden(
            (await documents.GetManifestAsync(id, cancellationToken) is { } manifest ? DocumentPolicy.Why(manifest, caller, action) : null)
            ?? ApiProblems.Sentence("MayNot"));

    /// <summary>Null when <paramref name="target"/> may be edited; else the API's 404 (unreadable) or 403 (with the policy's sentence).</summary>
    internal static async Task<ProblemHttpResult?> EditRefusalAsync(EditTarget target, DocumentRepository documents, string id, Caller caller, CancellationToken cancellationToken) =>
        target.Access switch
        {
            EditAccess.Allowed => null,
            EditAccess.Forbidden => await ForbiddenAsync(documents, id, caller, DocumentAction.Edit, cancellationToken),
            _ => ApiProblems.NotFound(),
        };
}
