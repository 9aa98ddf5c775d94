using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Tests.Access;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Admin;

public sealed class AuditAdminTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_admin_filters_the_audit_log_by_user_action_document_and_outcome()
    {
        var dave = await portal.CreateReadyClientAsync();
        await dave.SignInAsync("dave");
        await dave.GetDocumentAsync("/Documents/retro-2026-checkout-latency");
        await dave.GetDocumentAsync("/Documents/retro-2026-research-pricing", HttpStatusCode.NotFound);
        var carol = await portal.CreateReadyClientAsync();
        await carol.SignInAsync("carol");
        var page = await carol.GetDocumentAsync("/Admin/Audit");

        var response = await carol.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form.audit-filter")!, values: new Dictionary<string, string>
        {
            ["principal"] = "dave",
            ["action"] = "view",
            ["document"] = "retro-2026-research-pricing",
            ["outcome"] = "denied",
        });
        var filtered = await HtmlHelpers.GetDocumentAsync(response);

        var rows = filtered.QuerySelectorAll(".audit-entry");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(rows);
        Assert.Equal("周迪 Dave Zhou", rows[0].QuerySelector(".audit-principal")!.TextContent.Trim());
        Assert.Equal(["view", "retro-2026-research-pricing", "denied"],
            new[] { "action", "document", "outcome" }.Select(c => rows[0].QuerySelector($".audit-{c}")!.GetAttribute("data-" + c)));
        // An admin reads every document: its title, linked, instead of its id.
        Assert.Equal("/Documents/retro-2026-research-pricing", rows[0].QuerySelector(".audit-document a")!.GetAttribute("href"));
        Assert.DoesNotContain("retro-2026-research-pricing", rows[0].QuerySelector(".audit-document")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", filtered.QuerySelector(".audit-total")!.TextContent);
    }

    [Fact]
    public async Task The_navigation_links_the_audit_page_for_admins_only()
    {
        var carol = await portal.CreateReadyClientAsync();
        await carol.SignInAsync("carol");
        var alice = await portal.CreateReadyClientAsync();
        await alice.SignInAsync("alice");

        var asAdmin = await carol.GetDocumentAsync("/");
        var asContributor = await alice.GetDocumentAsync("/");

        Assert.NotNull(asAdmin.QuerySelector(".site-nav a[href='/Admin/Audit']"));
        Assert.Null(asContributor.QuerySelector(".site-nav a[href='/Admin/Audit']"));
        Assert.NotNull(asContributor.QuerySelector(".site-nav a[href='/Account/Token']"));
    }

    [Fact]
    public async Task Refused_attempts_to_create_edit_or_read_are_recorded_as_denied()
    {
        var dave = await portal.CreateReadyClientAsync();
        await dave.SignInAsync("dave");
        var alice = await portal.CreateReadyClientAsync();
        await alice.SignInAsync("alice");

        await dave.GetDocumentAsync("/Documents/New?type=retrospective", HttpStatusCode.Forbidden);
        await dave.GetDocumentAsync("/Documents/retro-2026-618-campaign/Edit", HttpStatusCode.Forbidden);
        await alice.GetDocumentAsync("/Documents/retro-2026-research-pricing/Edit", HttpStatusCode.NotFound);
        await alice.GetDocumentAsync("/Documents/retro-2026-research-pricing/Versions/1", HttpStatusCode.NotFound);

        var denied = await AccessTestData.AuditAsync(portal.Services, e => e.Outcome == "denied"
            && (e.Principal == TestUsers.Dave.Principal() || e.Principal == TestUsers.Alice.Principal()));
        Assert.Contains(denied, e => e is { Action: "create", DocumentId: null } && e.Principal == TestUsers.Dave.Principal());
        Assert.Contains(denied, e => e is { Action: "edit", DocumentId: "retro-2026-618-campaign" } && e.Principal == TestUsers.Dave.Principal());
        Assert.Contains(denied, e => e is { Action: "edit", DocumentId: "retro-2026-research-pricing" } && e.Principal == TestUsers.Alice.Principal());
        Assert.Contains(denied, e => e is { Action: "view", DocumentId: "retro-2026-research-pricing" } && e.Principal == TestUsers.Alice.Principal());
    }

    [Fact]
    public async Task The_audit_log_is_paged_newest_first_and_the_pager_keeps_the_filters()
    {
        var user = new Caller { ObjectId = "0000a000-0000-4000-8000-000000000055", Name = "Paging Probe" };
        var audit = portal.Services.GetRequiredService<AuditLog>();
        for (var i = 1; i <= 55; i++)
        {
            await audit.RecordAsync(user, "view", "doc-" + i, 1, "allowed", CancellationToken.None);
        }

        var carol = await portal.CreateReadyClientAsync();
        await carol.SignInAsync("carol");

        var first = await carol.GetDocumentAsync("/Admin/Audit?principal=" + Uri.EscapeDataString("Paging Probe"));
        var next = first.QuerySelector<IHtmlAnchorElement>(".pager a[rel=next]")!.GetAttribute("href")!;
        var second = await carol.GetDocumentAsync(next);

        Assert.Equal("55", first.QuerySelector(".audit-total")!.GetAttribute("data-total"));
        Assert.Equal(50, first.QuerySelectorAll(".audit-entry").Length);
        Assert.Equal("doc-55", first.QuerySelector(".audit-entry .audit-document")!.TextContent);
        Assert.Contains("principal=Paging%20Probe", next);
        Assert.Equal(["doc-5", "doc-4", "doc-3", "doc-2", "doc-1"], second.QuerySelectorAll(".audit-entry .audit-document").Select(d => d.TextContent));
    }

    [Fact]
    public async Task The_export_is_CSV_with_quoting_and_a_formula_guard_and_is_audited_itself()
    {
        var tricky = new Caller { ObjectId = "0000a000-0000-4000-8000-0000000000c5", Name = "=HYPERLINK(\"http://evil.example\",\"x\")" };
        var comma = new Caller { ObjectId = "0000a000-0000-4000-8000-0000000000c6", Name = "Li, \"Lee\"\n王" };
        var audit = portal.Services.GetRequiredService<AuditLog>();
        await audit.RecordAsync(tricky, "view", "csv-doc", 2, "allowed", CancellationToken.None);
        await audit.RecordAsync(comma, "download", "csv-doc", null, "denied", CancellationToken.None);
        var carol = await portal.CreateReadyClientAsync();
        await carol.SignInAsync("carol");
        var page = await carol.GetDocumentAsync("/Admin/Audit?document=csv-doc");

        var response = await carol.GetPageAsync(page.QuerySelector(".export-link")!.GetAttribute("href")!);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes.Take(3));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var lines = text.Split("\r\n");
        Assert.Equal("utc,principal,principal_name,action,document_id,version,outcome,count", lines[0]);
        Assert.Matches(
            @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z,user:0000a000-0000-4000-8000-0000000000c6,""Li, """"Lee""""" + "\n" + @"王"",download,csv-doc,,denied,1$",
            lines[1]);
        Assert.EndsWith(@",user:0000a000-0000-4000-8000-0000000000c5,""'=HYPERLINK(""""http://evil.example"""",""""x"""")"",view,csv-doc,2,allowed,1", lines[2]);
        Assert.Equal([""], lines[3..]); // nothing else, and the file ends with CRLF
        Assert.Single(await AccessTestData.AuditAsync(portal.Services, e =>
            e is { Action: "audit-export", Outcome: "allowed" } && e.Principal == TestUsers.Carol.Principal()));
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+cmd", "'+cmd")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=a,b", "\"'=a,b\"")]
    [InlineData("", "")]
    public void A_cell_is_guarded_against_formulas_and_quoted_when_needed(string value, string cell) =>
        Assert.Equal(cell, AuditCsv.Cell(value));

    [Theory]
    [InlineData("/Admin/Audit")]
    [InlineData("/Admin/Audit/Export")]
    public async Task Someone_who_is_not_an_admin_gets_403(string url)
    {
        var bob = await portal.CreateReadyClientAsync();
        await bob.SignInAsync("bob");

        var response = await bob.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("audit-entry", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Audit_records_cannot_be_changed_or_deleted_through_the_portal_and_the_log_only_grows()
    {
        var store = portal.Services.GetRequiredService<IBlobStore>();
        var carol = await portal.CreateReadyClientAsync();
        await carol.SignInAsync("carol");
        var token = (await carol.GetDocumentAsync("/Admin/Audit")).QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var before = await SnapshotAsync(store);

        var answers = new List<HttpStatusCode>();
        foreach (var url in new[] { "/Admin/Audit", "/Admin/Audit/Export" })
        {
            foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
            {
                using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative))
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["document"] = "csv-doc" }),
                };
                using var response = await carol.SendAsync(request);
                answers.Add(response.StatusCode);
            }
        }

        var after = await SnapshotAsync(store);
        Assert.All(answers, a => Assert.True(a is HttpStatusCode.MethodNotAllowed or HttpStatusCode.BadRequest, $"Answered {a}"));
        Assert.Contains(HttpStatusCode.MethodNotAllowed, answers);
        Assert.All(before, blob => Assert.StartsWith(blob.Value, after[blob.Key], StringComparison.Ordinal));
        Assert.True(after.Values.Sum(v => v.Length) >= before.Values.Sum(v => v.Length));
    }

    private static async Task<Dictionary<string, string>> SnapshotAsync(IBlobStore store)
    {
        var blobs = new Dictionary<string, string>();
        await foreach (var item in store.ListAsync(AuditLog.Prefix, CancellationToken.None))
        {
            blobs[item.Name] = Encoding.UTF8.GetString((await store.ReadAsync(item.Name, CancellationToken.None))!.Content.Span);
        }

        Assert.NotEmpty(blobs);
        return blobs;
    }
}
