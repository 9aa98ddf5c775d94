using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Actions;

/// <summary>Open action items of readable documents: the caller's by default, everyone's with <c>?all=1</c>, done ones too with <c>?done=1</c>.</summary>
public sealed class IndexModel(SearchService search, TimeProvider time) : PageModel
{
    public bool Everyone { get; private set; }

    public bool IncludeDone { get; private set; }

    public ActionItemResults? Results { get; private set; }

    public void OnGet([FromQuery(Name = "all")] string? all, [FromQuery(Name = "done")] string? done)
    {
        Everyone = all is "1" or "true" or "on";
        IncludeDone = done is "1" or "true" or "on";
        Results = search.ListActionItems(new ActionItemQuery
        {
            Caller = HttpContext.GetCaller(),
            Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime),
            Owner = Everyone ? ActionItemQuery.AnyOwner : null,
            IncludeDone = IncludeDone,
        });
    }

    public string Link(bool everyone, bool includeDone)
    {
        var parts = new List<string>();
        if (everyone)
        {
            parts.Add("all=1");
        }

        if (includeDone)
        {
            parts.Add("done=1");
        }

        return parts.Count == 0 ? "/Actions" : "/Actions?" + string.Join('&', parts);
    }
}
