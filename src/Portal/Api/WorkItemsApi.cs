using KnowledgeHub.Documents;
using KnowledgeHub.Documents.UseCases;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Components;
using KnowledgeHub.Portal.Pages.Search;
using KnowledgeHub.Portal.Resources;
using KnowledgeHub.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace KnowledgeHub.Portal.Api;

/// <summary>
/// Action items and lessons for scripts. Lists come from the index, trimmed by the same read rule as search (a
/// document the caller may not read contributes nothing). Marking an item done is an edit of its document — a new
/// version with that one box ticked — so it needs the edit right, exactly as changing the text on the Edit page does.
/// </summary>
public static class WorkItemsApi
{
    public const int MaxLessonPageSize = 50;

    public static Ok<ApiActionItems> ListActionItems(
        HttpContext context, SearchService search, TimeProvider time,
        string? owner, bool? done, string? type, string? collection, string? tag)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(time);
        var results = search.ListActionItems(new ActionItemQuery
        {
            Caller = context.GetCaller(),
            Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime),
            Owner = owner is "*" or "all" ? ActionItemQuery.AnyOwner : string.IsNullOrWhiteSpace(owner) || owner == "me" ? null : owner,
            IncludeDone = done == true,
            Filters = Filters(type, collection, tag),
        });
        var items = results.Items
            .Where(i => done is null || i.Done == done)
            .Select(i => new ApiActionItem(i.DocumentId, i.DocumentTitle, null, i.Text, i.Owner, i.Due, i.Done, i.Overdue, DocumentLinks.View(i.DocumentId)))
            .ToList();
        return TypedResults.Ok(new ApiActionItems(done == false ? items.Count : results.Total, items));
    }

    public static async Task<Results<Ok<ApiActionItems>, ProblemHttpResult>> ListOfDocumentAsync(HttpContext context, string id, DocumentReader reader, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(time);
        if (!DocumentIds.IsValid(id) || await reader.ReadAsync(id, null, context.GetCaller(), context.RequestAborted) is not { } view)
        {
            return ApiProblems.NotFound();
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var items = MarkdownStructure.Parse(view.Version.Markdown).ActionItems
            .Select((item, i) => new ApiActionItem(
                view.Reader.Id, view.Reader.Title, i + 1, item.Text, item.Owner, item.Due, item.Done, !item.Done && item.Due < today, DocumentLinks.View(view.Reader.Id)))
            .ToList();
        return TypedResults.Ok(new ApiActionItems(items.Count, items));
    }

    public static async Task<Results<Ok<ApiWriteResult>, ProblemHttpResult>> MarkDoneAsync(
        HttpContext context, string id, int index, DocumentReader reader, DocumentWriter writer, DocumentRepository documents)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        var caller = context.GetCaller();
        var cancellationToken = context.RequestAborted;
        if (!DocumentIds.IsValid(id))
        {
            return ApiProblems.NotFound();
        }

        var target = await reader.OpenForEditAsync(id, caller, cancellationToken);
        if (await DocumentWriteApi.EditRefusalAsync(target, documents, id, caller, cancellationToken) is { } refused)
        {
            return refused;
        }

        var current = target.Current!;
        if (VersionETag.Read(context.Request).Refusal(current.Number) is { } stale)
        {
            VersionETag.Set(context.Response, current.Number);
            return stale;
        }

        var ticked = ActionItemMarks.MarkDone(current.Markdown, index);
        if (ticked is null)
        {
            return ApiProblems.NotFound(ApiProblems.Sentence("NoActionItem", index));
        }

        var manifest = target.Manifest!;
        if (ReferenceEquals(ticked, current.Markdown))
        {
            VersionETag.Set(context.Response, current.Number);
            return TypedResults.Ok(new ApiWriteResult(manifest.Id, current.Number, manifest.Status, DocumentLinks.View(manifest.Id)));
        }

        var edit = new DocumentEdit
        {
            Id = manifest.Id,
            BaseVersion = current.Number,
            Title = current.Title,
            Markdown = ticked,
            ChangeNote = $"Action item {index} marked done.",
        };
        switch (await writer.SaveAsync(edit, caller, cancellationToken))
        {
            case SaveResult.Saved saved:
                VersionETag.Set(context.Response, saved.Manifest.CurrentVersion);
                return TypedResults.Ok(new ApiWriteResult(saved.Manifest.Id, saved.Manifest.CurrentVersion, saved.Manifest.Status, DocumentLinks.View(saved.Manifest.Id)));
            case SaveResult.Conflict conflict:
                VersionETag.Set(context.Response, conflict.Manifest.CurrentVersion);
                return ApiProblems.Problem(StatusCodes.Status412PreconditionFailed, ApiProblems.Sentence("ItemChanged"));
            default:
                return ApiProblems.NotFound();
        }
    }

    public static async Task<Results<Ok<ApiLessons>, ProblemHttpResult>> SearchLessonsAsync(
        HttpContext context, SearchService search, TypeLabels typeLabels, IStringLocalizer<SearchQueryText> text, string? q, string? type, string? collection, string? tag, int? year, int? page, int? pageSize)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(search);
        if (page is < 1 || pageSize is < 1 or > MaxLessonPageSize)
        {
            return ApiProblems.BadRequest(ApiProblems.Sentence("Paging", MaxLessonPageSize));
        }

        var results = search.SearchLessons(new LessonQuery
        {
            Query = (q ?? "").Trim(),
            Caller = context.GetCaller(),
            Filters = Filters(type, collection, tag),
            Year = year,
            Page = page ?? 1,
            PageSize = pageSize ?? 20,
        });
        var typeNames = await typeLabels.OfferedByAsync(results.Notes, context.RequestAborted);
        return TypedResults.Ok(new ApiLessons(
            results.Total,
            results.Page,
            results.PageSize,
            results.Hits.Select(h => new ApiLesson(h.DocumentId, h.DocumentTitle, h.Type, h.Text, DocumentLinks.View(h.DocumentId))).ToList(),
            text.NotAsTyped(results.Notes, typeNames),
            ApiQueryNote.Of(results.Notes, text, NoteSubject.Lessons, typeNames),
            results.DidYouMean));
    }

    private static Dictionary<string, IReadOnlyList<string>> Filters(string? type, string? collection, string? tag)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        Add(SearchFacets.Type, type);
        Add(SearchFacets.Collection, collection);
        Add(SearchFacets.Tags, tag);
        return filters;

        void Add(string dimension, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                filters[dimension] = [value.Trim()];
            }
        }
    }
}
