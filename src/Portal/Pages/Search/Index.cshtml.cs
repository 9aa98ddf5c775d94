using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Components;
using KnowledgeHub.Portal.Resources;
using KnowledgeHub.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KnowledgeHub.Portal.Pages.Search;

/// <summary>
/// Full-text search with facets, sort, dates and archived; the caller's principals filter inside the query, and each
/// hit is checked again here. <c>GET /Search/Suggest?q=</c> answers the nav box's suggestions as JSON.
/// </summary>
public sealed class IndexModel(SearchService search, SearchHitGuard guard, TypeLabels typeLabels, IStringLocalizer<SearchText> text) : PageModel
{
    public const int PageSize = 10;

    public const int MaxSuggestions = 8;

    public string? Q { get; private set; }

    public SearchState State { get; private set; } = new("/Search", "", SearchFacets.NoFilters);

    public SearchResults? Results { get; private set; }

    public IReadOnlyDictionary<string, string> TypeLabels { get; private set; } = new Dictionary<string, string>();

    /// <summary>
    /// <paramref name="page"/> comes from the query string only: Razor Pages' own "page" route value
    /// would otherwise win over <c>?page=2</c>.
    /// </summary>
    public async Task OnGetAsync(
        [FromQuery(Name = "q")] string? q,
        [FromQuery(Name = "page")] int page = 1,
        [FromQuery(Name = "from")] string? from = null,
        [FromQuery(Name = "to")] string? to = null,
        [FromQuery(Name = "sort")] string? sort = null,
        [FromQuery(Name = "archived")] string? archived = null)
    {
        Q = q;
        var token = HttpContext.RequestAborted;
        State = new SearchState(
            "/Search",
            q?.Trim() ?? "",
            FilterBinding.Read(Request.Query, SearchFacets.Dimensions),
            FilterBinding.Day(from),
            FilterBinding.Day(to),
            string.Equals(sort, "newest", StringComparison.OrdinalIgnoreCase) ? SearchSort.Newest : SearchSort.Relevance,
            archived is "1" or "true" or "on");
        TypeLabels = await typeLabels.GetAsync(token);
        if (State.Q.Length == 0 && !State.HasAnyFilter && string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            return;
        }

        var caller = HttpContext.GetCaller();
        var results = search.Search(new SearchRequest
        {
            Query = State.Q,
            Caller = caller,
            Page = Math.Max(1, page),
            PageSize = PageSize,
            Filters = State.Filters,
            From = State.From,
            To = State.To,
            Sort = State.Sort,
            IncludeArchived = State.Archived,
        });

        // Defence in depth (the index filtered by principals; the manifest decides), and Restricted hits without snippets.
        var guarded = await guard.GuardAsync(results, caller, token);
        // A from/to that is not a day was left out of the search: say so, under the field's label.
        QueryNote[] dateNotes =
        [
            .. new[] { ("From", from, State.From), ("To", to, State.To) }
                .Where(d => !string.IsNullOrWhiteSpace(d.Item2) && d.Item3 is null)
                .Select(d => QueryNote.Of(QueryNoteKind.UnreadableDate, d.Item2!.Trim(), text[d.Item1])),
        ];
        Results = dateNotes.Length == 0 ? guarded : guarded with { Notes = [.. dateNotes, .. guarded.Notes] };
    }

    /// <summary>Titles and tags for what has been typed (at least one CJK character or two other characters), trimmed by the library.</summary>
    public JsonResult OnGetSuggest([FromQuery(Name = "q")] string? q)
    {
        var prefix = q?.Trim() ?? "";
        if (!SuggestRules.LongEnough(prefix))
        {
            return new JsonResult(Array.Empty<SuggestionItem>());
        }

        var suggestions = search.Suggest(prefix, HttpContext.GetCaller(), MaxSuggestions);
        return new JsonResult(suggestions.Select(SuggestionItem.From).ToList());
    }
}

/// <summary>A suggestion as the nav box's script reads it: <c>url</c> is where choosing it goes.</summary>
public sealed record SuggestionItem(string Text, string Kind, string Url)
{
    public static SuggestionItem From(SearchSuggestion suggestion)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        return suggestion.Kind == SuggestionKind.Title && suggestion.DocumentId is { } id
            ? new SuggestionItem(suggestion.Text, "title", DocumentLinks.View(id))
            : new SuggestionItem(suggestion.Text, "tag", "/Search?tag=" + Uri.EscapeDataString(suggestion.Text));
    }
}

/// <summary>When typing is long enough to suggest: one CJK character, or two of anything else.</summary>
public static class SuggestRules
{
    public static bool LongEnough(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return prefix.Length >= 2 || (prefix.Length == 1 && prefix[0] >= '\u2E80');
    }
}
