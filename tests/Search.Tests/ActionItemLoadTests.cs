using System.Globalization;
using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Tests;

/// <summary>Owner loads count every item, past what one list holds (the team view once counted the first thousand).</summary>
public sealed class ActionItemLoadTests : IAsyncLifetime
{
    private const int Items = 1_100;
    private readonly SearchHost host = SearchHost.Create();

    public async Task InitializeAsync()
    {
        // Two documents of 550 items (a document's items are indexed up to a thousand).
        var lines = Enumerable.Range(1, Items).Select(i => string.Create(CultureInfo.InvariantCulture, $"- [ ] 任务 {i} @{(i % 2 == 0 ? "bob" : "carol")} due:2026-{1 + (i % 12):00}-10")).ToList();
        await host.AddAsync(new TestDoc("plan-h1", "上半年排期", "## 行动项\n\n" + string.Join('\n', lines[..(Items / 2)]) + "\n"), catchUp: false);
        await host.AddAsync(new TestDoc("plan-h2", "下半年排期", "## 行动项\n\n" + string.Join('\n', lines[(Items / 2)..]) + "\n"));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public void Every_item_is_counted_past_what_a_list_holds()
    {
        var today = new DateOnly(2026, 6, 1);
        var list = host.Service.ListActionItems(new ActionItemQuery { Caller = TestCallers.Carol, Today = today, Owner = ActionItemQuery.AnyOwner, Max = 1_000 });
        var loads = host.Service.ActionItemLoads(TestCallers.Carol, today, new DateOnly(2026, 6, 30)).ToDictionary(l => l.Owner);

        Assert.Equal(Items, list.Total);
        Assert.Equal(1_000, list.Items.Count);
        Assert.Equal(Items, loads.Values.Sum(l => l.Open));
        Assert.Equal(Items / 2, loads["bob"].Open);
        // Due on the 10th of months 1-5 is overdue on 1 June; by 30 June month 6 is due too.
        var months = Enumerable.Range(1, Items).Select(i => (Owner: i % 2 == 0 ? "bob" : "carol", Month: 1 + (i % 12))).ToList();
        Assert.Equal(months.Count(m => m.Owner == "carol" && m.Month < 6), loads["carol"].Overdue);
        Assert.Equal(months.Count(m => m.Owner == "carol" && m.Month <= 6), loads["carol"].DueBy);
    }
}
