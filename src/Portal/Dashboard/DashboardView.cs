using System.Text;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Notifications;
using KnowledgeHub.Portal.People;
using KnowledgeHub.Search;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Dashboard;

/// <summary>
/// The team dashboard of the home page, from the index queried with the viewer's principals (so every count and
/// list covers only what they may read), plus the few manifests and versions it names. Kept per set of principals
/// until the index moves on or <see cref="MaxAge"/> passes, as the home page's lists are.
/// </summary>
public sealed class DashboardView(
    SearchService search, TemplateCatalog templates, DocumentRepository documents, IDirectory directory,
    LuceneIndex index, IOptions<PortalSiteOptions> site, TimeProvider time) : IDisposable
{
    public const int Months = 6;
    public const int MaxCampaigns = 20;
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 5_000 });

    /// <summary>Now in the portal's time zone.</summary>
    public DateTime LocalNow => TimeZoneInfo.ConvertTime(time.GetUtcNow(), site.Value.Zone).DateTime;

    public async Task<DashboardData> GetAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = LocalNow;
        var key = (nameof(DashboardView), index.Checkpoint?.Value, now.Date, now.Hour, caller.Principal, string.Join('\n', caller.Principals.Order(StringComparer.Ordinal)));
        if (cache.TryGetValue(key, out DashboardData? cached) && cached is not null)
        {
            return cached;
        }

        var data = await ComputeAsync(caller, now, cancellationToken);
        cache.Set(key, data, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = MaxAge, Size = 1 });
        return data;
    }

    /// <summary>The cadence of every type that declares one, for the viewer (also used by the digest's reminders).</summary>
    public async Task<IReadOnlyList<CadenceStatus>> CadenceAsync(Caller caller, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var today = DateOnly.FromDateTime(now);
        var statuses = new List<CadenceStatus>();
        foreach (var template in (await templates.ListAsync(cancellationToken)).Where(t => t.Cadence is not null))
        {
            var cadence = template.Cadence!;
            var (start, end, due) = (cadence.PeriodStart(today), cadence.PeriodEnd(today), cadence.DueIn(today));
            var filed = search.Search(new SearchRequest
            {
                Query = "", Caller = caller, PageSize = 100, Sort = SearchSort.Newest, IncludeArchived = true,
                Filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Type] = [template.Key] },
                From = start.AddDays(-1), To = end.AddDays(1),
            }).Hits;
            var manifests = (await documents.GetManifestsAsync([.. filed.Select(h => h.DocumentId)], cancellationToken)).OfType<DocumentManifest>().ToList();
            var entries = new List<CadenceEntry>();
            foreach (var (who, name, members) in await ExpectedAsync(cadence, manifests, cancellationToken))
            {
                var report = manifests.FirstOrDefault(m => members.Contains(m.Owner, StringComparer.OrdinalIgnoreCase)
                    && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(m.CreatedUtc, site.Value.Zone).DateTime) is var made && made >= start && made <= end);
                entries.Add(new CadenceEntry(who, name, report?.Id, report?.Title, report is null && now > due));
            }

            statuses.Add(new CadenceStatus(template.Key, TypeName(template), start, end, due, entries));
        }

        return statuses;
    }

    public void Dispose() => cache.Dispose();

    public static string TypeName(DocumentTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" && !string.IsNullOrEmpty(template.NameZh)
            ? template.NameZh
            : template.Name;
    }

    private async Task<DashboardData> ComputeAsync(Caller caller, DateTime now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now);
        var mine = search.ListActionItems(new ActionItemQuery { Caller = caller, Today = today, Max = 20 }).Items
            .OrderByDescending(i => i.Overdue).ThenBy(i => i.Due ?? DateOnly.MaxValue).ToList();
        var lessons = search.SearchLessons(new LessonQuery { Caller = caller, Sort = SearchSort.Newest, PageSize = 5 }).Hits;
        // Counted over every open item (a list of the first thousand by due day undercounted at 20k documents: 1,000 of 11,960).
        var byOwner = search.ActionItemLoads(caller, today)
            .Select(load => new OwnerLoad(load.Owner, load.Open, load.Overdue))
            .OrderByDescending(o => o.Overdue).ThenByDescending(o => o.Open).ThenBy(o => o.Owner, StringComparer.Ordinal)
            .Take(12).ToList();
        return new DashboardData(mine, lessons, byOwner, PerMonth(caller, today), await CampaignsAsync(caller, cancellationToken),
            await CadenceAsync(caller, now, cancellationToken), today);
    }

    private List<MonthCounts> PerMonth(Caller caller, DateOnly today)
    {
        var months = new List<MonthCounts>();
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - Months);
        for (var month = first; month <= today; month = month.AddMonths(1))
        {
            var results = search.Search(new SearchRequest
            {
                Query = "", Caller = caller, PageSize = 1, IncludeArchived = true, From = month, To = month.AddMonths(1).AddDays(-1),
            });
            var types = results.Facets.FirstOrDefault(f => f.Dimension == SearchFacets.Type)?.Values ?? [];
            months.Add(new MonthCounts(month, types.Where(v => v.Count > 0).ToDictionary(v => v.Value, v => v.Count, StringComparer.OrdinalIgnoreCase)));
        }

        return months;
    }

    private async Task<List<CampaignWithoutRetro>> CampaignsAsync(Caller caller, CancellationToken cancellationToken)
    {
        var plans = search.Search(new SearchRequest
        {
            Query = "", Caller = caller, PageSize = MaxCampaigns, Sort = SearchSort.Newest,
            Filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Type] = ["campaign-plan"] },
        }).Hits;
        var manifests = await documents.GetManifestsAsync([.. plans.Select(p => p.DocumentId)], cancellationToken);
        var missing = new List<CampaignWithoutRetro>();
        foreach (var (plan, manifest) in plans.Zip(manifests))
        {
            var version = manifest is null ? null : await documents.GetVersionOfAsync(manifest, manifest.ReaderVersion, cancellationToken);
            var name = version?.Metadata.GetValueOrDefault("campaign") is { Length: > 0 } campaign ? campaign : plan.Title;
            // The campaign's name as a phrase — its leading part when it goes on with a quote, colon or bracket
            // ('Spring Festival 2026 "New Year Goods"' → "Spring Festival 2026"), which retrospectives tend to repeat.
            var words = Words(name.Split(['"', '“', '”', ':', '：', '(', '（', ','], 2)[0]);
            var answered = words.Length > 0 && search.Search(new SearchRequest
            {
                Query = "\"" + words + "\"", Caller = caller, PageSize = 1, IncludeArchived = true,
                Filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Type] = ["retrospective"] },
            }).Total > 0;
            if (!answered)
            {
                missing.Add(new CampaignWithoutRetro(plan.DocumentId, plan.Title, name));
            }
        }

        return missing;
    }

    /// <summary>Who is expected to file: each configured team (group) with its members, or each person who filed.</summary>
    private async Task<List<(string Who, string Name, IReadOnlyList<string> Members)>> ExpectedAsync(
        ReportingCadence cadence, IReadOnlyList<DocumentManifest> filed, CancellationToken cancellationToken)
    {
        var expected = new List<(string, string, IReadOnlyList<string>)>();
        if (cadence.Per == CadenceScope.Person)
        {
            foreach (var owner in filed.Select(m => m.Owner).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                expected.Add((owner, (await directory.FindAsync(owner, cancellationToken))?.Name ?? owner, [owner]));
            }

            return expected;
        }

        foreach (var team in await directory.TeamsAsync(cancellationToken))
        {
            var members = (await directory.MembersOfAsync(team.Principal["group:".Length..], cancellationToken)).Select(Caller.UserPrincipal).ToList();
            expected.Add((team.Principal, team.Name, members));
        }

        return expected;
    }

    /// <summary>The letters, digits and spaces of a name: words to search for, never query syntax.</summary>
    private static string Words(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            text.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !IsOperator(w)));
    }

    private static bool IsOperator(string word) => word is "AND" or "OR" or "NOT" or "TO";
}
