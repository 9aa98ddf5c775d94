using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Components;
using KnowledgeHub.Portal.Pages.Search;
using KnowledgeHub.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Lessons;

/// <summary>
/// Searches lessons only (each trimmed by its document's access rules), filtered by the parent document's type,
/// collection, tags and year. <c>POST /Lessons/Related</c> answers the editor's "related lessons" aside as JSON.
/// </summary>
public sealed class IndexModel(SearchService search, TypeLabels typeLabels, KnowledgeHub.Portal.Localization.DomainMessages messages) : PageModel
{
    public const int PageSize = 20;

    public const int MaxRelated = 5;

    /// <summary>Characters of the editor's title the related aside looks at.</summary>
    public const int MaxRelatedTitle = 1_000;

    /// <summary>The dimensions the Lessons page offers.</summary>
    public static IReadOnlyList<string> Dimensions { get; } = [SearchFacets.Type, SearchFacets.Collection, SearchFacets.Tags, SearchFacets.Year];

    public SearchState State { get; private set; } = new("/Lessons", "", SearchFacets.NoFilters);

    public LessonResults? Results { get; private set; }

    public IReadOnlyDictionary<string, string> TypeLabels { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync([FromQuery(Name = "q")] string? q, [FromQuery(Name = "page")] int page = 1)
    {
        State = new SearchState("/Lessons", q?.Trim() ?? "", FilterBinding.Read(Request.Query, Dimensions));
        TypeLabels = await typeLabels.GetAsync(HttpContext.RequestAborted);
        Results = search.SearchLessons(new LessonQuery
        {
            Query = State.Q,
            Caller = HttpContext.GetCaller(),
            Filters = State.Filters,
            Page = Math.Max(1, page),
            PageSize = PageSize,
        });
    }

    /// <summary>
    /// Lessons and documents like the text being written (title + Markdown), the edited document left out. Text past the
    /// Markdown caps answers 413/400 with a sentence, as the preview does.
    /// </summary>
    public IActionResult OnPostRelated([FromForm(Name = "title")] string? title, [FromForm(Name = "markdown")] string? markdown, [FromForm(Name = "id")] string? id)
    {
        if (Documents.PreviewModel.Refusal(markdown, messages) is { } refused)
        {
            return refused;
        }

        var text = (title ?? "").Trim();
        text = text.Length > MaxRelatedTitle ? text[..MaxRelatedTitle] : text; // a hint: a title past any real one is only cut
        var body = markdown ?? "";
        if (text.Length == 0 && body.Trim().Length == 0)
        {
            return new JsonResult(new RelatedJson([], []));
        }

        var related = search.RelatedToText(text, body, HttpContext.GetCaller(), MaxRelated, string.IsNullOrWhiteSpace(id) ? null : id.Trim());
        return new JsonResult(new RelatedJson(
            related.Lessons.Select(RelatedItem.From).ToList(),
            related.Documents.Select(RelatedItem.From).ToList()));
    }
}

/// <summary>The editor aside's data: lessons first, then documents.</summary>
public sealed record RelatedJson(IReadOnlyList<RelatedItem> Lessons, IReadOnlyList<RelatedItem> Documents);

/// <summary>A related entry as related.js reads it.</summary>
public sealed record RelatedItem(string Title, string? Lesson, string Url)
{
    public static RelatedItem From(RelatedHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return new RelatedItem(hit.Title, hit.LessonText, DocumentLinks.View(hit.DocumentId));
    }
}
