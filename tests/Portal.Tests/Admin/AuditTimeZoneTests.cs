using System.Globalization;
using AngleSharp.Html.Dom;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Admin;

/// <summary>
/// The audit page's days are the viewer's days: an event at 17:30 UTC is on the next day in Shanghai (the default zone)
/// and on its own day for a viewer who chose UTC; its time is shown in the viewer's zone, the export stays in UTC.
/// </summary>
public sealed class AuditTimeZoneTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_evening_event_in_utc_is_listed_under_the_next_day_in_shanghai_and_under_its_own_day_in_utc()
    {
        var document = "tz-probe-" + Guid.NewGuid().ToString("N")[..8];
        var at = DateTimeOffset.Parse("2025-03-04T17:30:05Z", CultureInfo.InvariantCulture);
        await portal.CreateReadyClientAsync();
        var log = new AuditLog(portal.Services.GetRequiredService<IBlobStore>(), new FixedClock(at));
        await log.RecordAsync(new Caller { ObjectId = TestUsers.Dave.ObjectId, Name = "周迪 Dave Zhou", UserName = "dave" }, "view", document, 1, "allowed", default);
        var carol = await portal.CreateReadyClientAsync("en");
        await carol.SignInAsync("carol");

        var shanghai5 = await RowsAsync(carol, "2025-03-05", document);
        var shanghai4 = await RowsAsync(carol, "2025-03-04", document);
        var picker = await carol.GetDocumentAsync("/Preferences");
        await carol.SubmitAsync(picker.QuerySelector<IHtmlFormElement>("form.tz-form")!, values: new Dictionary<string, string> { ["zone"] = "UTC" });
        var utc4 = await RowsAsync(carol, "2025-03-04", document);
        var utc5 = await RowsAsync(carol, "2025-03-05", document);
        var export5 = await carol.GetStringAsync(new Uri($"/Admin/Audit/Export?from=2025-03-05&to=2025-03-05&document={document}", UriKind.Relative));
        var export4 = await carol.GetStringAsync(new Uri($"/Admin/Audit/Export?from=2025-03-04&to=2025-03-04&document={document}", UriKind.Relative));

        Assert.Equal(["2025-03-05 01:30:05"], shanghai5);
        Assert.Empty(shanghai4);
        Assert.Equal(["2025-03-04 17:30:05"], utc4);
        Assert.Empty(utc5);
        Assert.DoesNotContain(document, export5, StringComparison.Ordinal); // the UTC viewer's March 5 has no such event
        Assert.Contains(document, export4, StringComparison.Ordinal);
        Assert.Contains("2025-03-04T17:30:05", export4, StringComparison.Ordinal); // machines read UTC
    }

    [Fact]
    public async Task A_range_ending_before_it_starts_is_a_sentence_in_the_page_language()
    {
        var carol = await portal.CreateReadyClientAsync("zh-CN");
        await carol.SignInAsync("carol");

        var page = await carol.GetDocumentAsync("/Admin/Audit?from=2025-03-05&to=2025-03-01");

        Assert.Contains("结束日期早于开始日期", page.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Asia/Shanghai", page.QuerySelector("label[for='from']")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<List<string>> RowsAsync(HttpClient client, string day, string document)
    {
        var page = await client.GetDocumentAsync($"/Admin/Audit?from={day}&to={day}&document={document}");
        return page.QuerySelectorAll(".audit-entry time").Select(t => t.TextContent.Trim()).ToList();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
