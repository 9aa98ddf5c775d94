using KnowledgeHub.Search.Querying;

namespace KnowledgeHub.Search.Tests.Query;

/// <summary>
/// Addresses and file paths pasted into the search box — a dashboard's URL, a shared drive's path — and numbers joined
/// by colons — a time, a ratio, a cell range — are the text they are, found where a document shows them; their colons,
/// slashes, backslashes and query strings are not field, regular expression or escape syntax.
/// </summary>
public sealed class PastedLocationTests : IAsyncLifetime
{
    private readonly SearchHost host = SearchHost.Create();

    public async Task InitializeAsync()
    {
        await host.AddAsync(new TestDoc("dashboard", "大促看板说明", "GMV 看板在 https://bi.example.com/dash/618?tab=gmv&range=7d 查看，每天 10:00 更新。"), catchUp: false);
        await host.AddAsync(new TestDoc("other-dashboard", "Retention dashboard", "The retention board lives at https://bi.example.com/dash/retention and updates weekly."), catchUp: false);
        await host.AddAsync(new TestDoc("share", "周报归档位置", "周报原件放在 \\\\fileserver\\ops\\weekly\\2026 下，按周建文件夹；旧的在 D:\\archive\\weekly 里。"), catchUp: false);
        await host.AddAsync(new TestDoc("wiki", "Older notes", "The old notes are read only: https://wiki.example.com/ops/2025/Q3?filter=tag:618 (kept until 2027)."), catchUp: false);
        await host.AddAsync(new TestDoc("standup", "Daily standup", "The standup moves to 10:30 from Monday; the new:old ratio of users is 3:1 in cells A13:E13. Dates are written 2026/11/11."), catchUp: false);
        await host.AddAsync(new TestDoc("standup-old", "Old standup", "The standup was at 9:30 and the sheet had A12 and E13."), catchUp: false);
        await host.AddAsync(new TestDoc("plan", "Launch plan", "Assets are at www.example.org/launch/assets and the brief is in the shared drive."), catchUp: false);
        await host.AddAsync(new TestDoc("server", "Export job", "The nightly export writes /srv/exports/gmv.csv; its log is /var/log/export.log."), catchUp: false);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("https://bi.example.com/dash/618?tab=gmv&range=7d", "dashboard")]
    [InlineData("看板 https://bi.example.com/dash/618?tab=gmv&range=7d", "dashboard")]
    [InlineData("URL: https://bi.example.com/dash/retention", "other-dashboard")]
    [InlineData("bi.example.com/dash/retention", "other-dashboard")]
    [InlineData("\\\\fileserver\\ops\\weekly\\2026", "share")]
    [InlineData("D:\\archive\\weekly", "share")]
    [InlineData("www.example.org/launch/assets", "plan")]
    [InlineData("\"shared drive\" www.example.org/launch/assets", "plan")]
    [InlineData("(见 https://bi.example.com/dash/618?tab=gmv&range=7d)。", "dashboard")]
    [InlineData("see https://bi.example.com/dash/retention.", "other-dashboard")]
    [InlineData("https://wiki.example.com/ops/2025/Q3?filter=tag:618", "wiki")]
    [InlineData("d:\\archive\\weekly", "share")]
    [InlineData("standup 10:30", "standup")]
    [InlineData("10:30", "standup")]
    [InlineData("ratio 3:1", "standup")]
    [InlineData("A13:E13", "standup")]
    [InlineData("\"standup\" 10:30", "standup")]
    [InlineData("\"written\" 2026/11/11", "standup")]
    [InlineData("\"D:\\archive\\weekly\"", "share")]
    [InlineData("/srv/exports/gmv.csv", "server")]
    [InlineData("see /var/log/export.log.", "server")]
    [InlineData("周报 “\\\\fileserver\\ops\\weekly”", "share")]
    [InlineData("ops\\weekly\\2026", "share")]
    [InlineData("原件在 archive\\weekly 里", "share")]
    [InlineData("weekly\\2026\\", "share")]
    public void A_pasted_address_path_or_time_finds_the_document_that_shows_it(string query, string expected)
    {
        var results = host.Search(query);

        Assert.Equal(expected, Assert.Single(results.Hits).DocumentId);
        Assert.DoesNotContain(results.Notes, n => n.NotAsTyped);
        Assert.Null(results.TimeFilter);
        Assert.All(results.Facets, f => Assert.DoesNotContain(f.Values, v => v.Selected));
    }

    [Theory]
    [InlineData("https://bi.example.com/dash/618?tab=gmv&range=7d")]
    [InlineData("see https://wiki.example.com/a:b?q=x*")]
    [InlineData("(see https://bi.example.com/dash)")]
    [InlineData("\\\\fileserver\\ops")]
    [InlineData("D:\\archive\\weekly")]
    [InlineData("www.example.org/launch/[assets]")]
    [InlineData("at 10:30 today")]
    [InlineData("=SUM($B$2:$C$3)")]
    [InlineData("/var/log/export.log")]
    [InlineData("(in /srv/exports/)")]
    [InlineData("ops\\weekly\\2026")]
    [InlineData("Users\\ops\\campaign.xlsx")]
    public void An_address_a_path_or_a_time_is_no_syntax(string text) => Assert.False(NaturalQueries.HasOperators(text));
}
