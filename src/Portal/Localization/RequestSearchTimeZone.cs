using KnowledgeHub.Documents;
using KnowledgeHub.Search.Querying;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Localization;

/// <summary>
/// Time words in a query ("上周", "last month") are read in the zone the user sees times in: the time zone cookie of
/// the request, else <c>Portal:TimeZone</c> — the same rule as <see cref="PortalTime"/>, so a filter chip and the dates
/// on the page agree. Outside a request (the API's scripts have no cookie) the configured default holds.
/// </summary>
public sealed class RequestSearchTimeZone(IHttpContextAccessor http, IOptions<PortalTimeOptions> options) : ISearchTimeZone
{
    public TimeZoneInfo For(Caller? caller) =>
        (http.HttpContext?.Request.Cookies[PortalTime.CookieName] is { } chosen ? PortalTime.FindZone(chosen) : null)
        ?? PortalTime.FindZone(options.Value.TimeZone)
        ?? TimeZoneInfo.Utc;
}
