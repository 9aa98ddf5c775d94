using Microsoft.AspNetCore.Mvc;

namespace KnowledgeHub.Portal.People;

/// <summary>One answer of the type-ahead: principal, name, kind (user, group), a detail (e-mail) and the text a form field takes.</summary>
public sealed record PeopleSuggestion(string Principal, string Name, string Kind, string Detail, string Input);

/// <summary>
/// <c>GET /People/Search?q=…&amp;kind=user|group</c>: the type-ahead of the pickers, for signed-in users. At most
/// <see cref="MaxResults"/> answers; an empty or over-long query answers an empty list (the script asks only after a
/// pause in typing); answers may be cached by the browser for a minute.
/// </summary>
public static class PeopleEndpoints
{
    public const string SearchPath = "/People/Search";
    public const int MaxResults = 10;
    public const int MaxQueryLength = 100;

    public static IEndpointRouteBuilder MapPortalPeople(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(SearchPath, SearchAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> SearchAsync(
        [FromQuery(Name = "q")] string? q, [FromQuery(Name = "kind")] string? kind, IDirectory directory, HttpContext context)
    {
        var text = (q ?? "").Trim();
        context.Response.Headers.CacheControl = "private, max-age=60";
        if (text.Length == 0 || text.Length > MaxQueryLength)
        {
            return Results.Json(Array.Empty<PeopleSuggestion>());
        }

        var found = await directory.SearchAsync(text, MaxResults * 2, context.RequestAborted);
        var answers = found
            .Where(e => string.IsNullOrEmpty(kind) || string.Equals(e.Kind, kind, StringComparison.OrdinalIgnoreCase))
            .Take(MaxResults)
            .Select(e => new PeopleSuggestion(e.Principal, e.Name, e.Kind, e.Detail, e.Input))
            .ToList();
        return Results.Json(answers);
    }
}
