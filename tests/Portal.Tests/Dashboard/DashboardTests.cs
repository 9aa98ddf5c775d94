using System.Globalization;
using AngleSharp.Dom;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Access;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Search;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Dashboard;

/// <summary>The home page's dashboard: mine, the team view, accessible charts, cadence — over readable documents only.</summary>
public sealed class DashboardTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_team_view_counts_action_items_only_from_documents_the_viewer_may_read()
    {
        var handle = "zed" + Guid.NewGuid().ToString("N")[..6];
        await CreateAsync("dash-secret-" + handle, "weekly-report", "Secret plan " + handle, TestUsers.Alice, Confidentiality.Confidential, readers: [],
            $"## 本周结果 Results\n\n- [ ] 秘密任务 secret task @{handle} due:2020-01-01\n- [ ] another @{handle} due:2999-01-01\n");
        var alice = await SignedInAsync("alice");
        var dave = await SignedInAsync("dave");

        var mine = await alice.GetDocumentAsync("/");
        var theirs = await dave.GetDocumentAsync("/");

        var row = mine.QuerySelector($".owners-table tr[data-owner='{handle}']")!;
        Assert.Equal(("2", "1"), (row.QuerySelector(".open")!.TextContent, row.QuerySelector(".overdue")!.TextContent));
        Assert.Null(theirs.QuerySelector($".owners-table tr[data-owner='{handle}']"));
        Assert.DoesNotContain(handle, theirs.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret plan", theirs.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Charts_are_server_drawn_svg_images_with_a_title_and_a_data_table()
    {
        var alice = await SignedInAsync("alice");

        var page = await alice.GetDocumentAsync("/");

        foreach (var id in new[] { "chart-owners", "chart-months" })
        {
            var svg = page.QuerySelector($"svg#{id}")!;
            Assert.Equal("img", svg.GetAttribute("role"));
            Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("title")!.TextContent));
            Assert.Contains(id + "-title", svg.GetAttribute("aria-labelledby"), StringComparison.Ordinal);
            Assert.NotEmpty(svg.QuerySelectorAll("rect"));
        }

        var months = page.QuerySelectorAll(".months-table tbody tr");
        Assert.Equal(6, months.Length);
        Assert.Contains(months, r => int.Parse(r.QuerySelector(".total")!.TextContent, CultureInfo.InvariantCulture) > 0);
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task My_open_action_items_list_overdue_ones_first()
    {
        var alice = await SignedInAsync("alice");
        var id = "dash-mine-" + Guid.NewGuid().ToString("N")[..6];
        await CreateAsync(id, "retrospective", "Mine " + id, TestUsers.Alice, Confidentiality.Internal, readers: [],
            "## Lessons\n\n- [ ] later thing @alice due:2999-01-01\n- [ ] overdue thing @alice due:2020-01-01\n");

        var items = (await alice.GetDocumentAsync("/")).QuerySelectorAll(".my-actions .action-item");

        var overdue = items.Select((item, index) => (item, index)).Where(x => x.item.ClassList.Contains("overdue")).Select(x => x.index).ToList();
        var open = items.Select((item, index) => (item, index)).Where(x => !x.item.ClassList.Contains("overdue")).Select(x => x.index).ToList();
        Assert.NotEmpty(overdue);
        Assert.Contains(items, i => i.TextContent.Contains("overdue thing", StringComparison.Ordinal) && i.ClassList.Contains("overdue"));
        Assert.True(open.Count == 0 || overdue.Max() < open.Min(), "overdue items come first");
    }

    [Fact]
    public async Task The_cadence_shows_a_team_that_filed_this_week_and_one_that_has_not()
    {
        var id = "dash-weekly-" + Guid.NewGuid().ToString("N")[..6];
        await CreateAsync(id, "weekly-report", "Ops weekly " + id, TestUsers.Alice, Confidentiality.Internal, readers: [], "## Results\n\ndone\n");
        var bob = await SignedInAsync("bob");

        var table = (await bob.GetDocumentAsync("/")).QuerySelector(".cadence-table[data-type='weekly-report']")!;

        var ops = table.QuerySelector($"tr[data-who='group:{TestUsers.Ops}']")!;
        var research = table.QuerySelector($"tr[data-who='group:{TestUsers.Research}']")!;
        Assert.Equal("filed", ops.GetAttribute("data-state"));
        Assert.NotNull(ops.QuerySelector($"a[href='/Documents/{id}']"));
        Assert.NotEqual("filed", research.GetAttribute("data-state"));
    }

    [Fact]
    public async Task The_dashboard_speaks_the_requested_language()
    {
        var zh = await SignedInAsync("alice");
        var en = await SignedInAsync("alice", "en");

        Assert.Equal("团队", (await zh.GetDocumentAsync("/")).QuerySelector("#team-heading")!.TextContent);
        Assert.Equal("Team", (await en.GetDocumentAsync("/")).QuerySelector("#team-heading")!.TextContent);
    }

    private async Task<HttpClient> SignedInAsync(string user, string language = "zh-CN")
    {
        var client = await portal.CreateReadyClientAsync(language);
        await client.SignInAsync(user);
        return client;
    }

    private async Task CreateAsync(string id, string type, string title, TestIdentity owner, Confidentiality level, IReadOnlyList<string> readers, string markdown)
    {
        await portal.CreateReadyClientAsync();
        await portal.Services.GetRequiredService<DocumentRepository>().CreateAsync(
            new NewDocument
            {
                Id = id, Type = type, Title = title, Markdown = markdown, Collection = "Reports", Confidentiality = level, Readers = readers,
                Status = DocumentStatus.Published,
            },
            owner.AsCaller(), CancellationToken.None);
        await portal.Services.GetRequiredService<IndexSynchronizer>().CatchUpAsync(CancellationToken.None);
    }
}
