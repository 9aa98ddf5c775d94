using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using KnowledgeHub.Portal.Tests.Infrastructure;
using static KnowledgeHub.Portal.Tests.Workflow.WorkflowSteps;

namespace KnowledgeHub.Portal.Tests.Workflow;

public sealed class ConformanceTests(WorkflowPortal portal) : IClassFixture<WorkflowPortal>
{
    /// <summary>As conformance.js sends it: FormData with type, title, fields[...] and markdown; the token in the header.</summary>
    private static async Task<HttpResponseMessage> CheckAsync(HttpClient client, IReadOnlyDictionary<string, string> fields, bool withToken = true)
    {
        var editor = await client.GetDocumentAsync("/Documents/New?type=retrospective");
        var token = editor.QuerySelector<IHtmlInputElement>("form.doc-form input[name='__RequestVerificationToken']")!.Value;
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, editor.QuerySelector(".conformance")!.GetAttribute("data-conformance-url")) { Content = content };
        if (withToken)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }

        return await client.SendAsync(request);
    }

    private static async Task<(bool Conforms, string Summary, List<(string Kind, string Message)> Problems)> ReadAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        return (root.GetProperty("conforms").GetBoolean(), root.GetProperty("summary").GetString()!,
            root.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("kind").GetString()!, p.GetProperty("message").GetString()!)).ToList());
    }

    [Fact]
    public async Task The_live_check_names_each_missing_field_and_each_missing_or_empty_section()
    {
        var alice = await portal.SignedInAsync("alice");

        var response = await CheckAsync(alice, new Dictionary<string, string>
        {
            ["type"] = "retrospective",
            ["title"] = "检查中 checking",
            ["fields[project]"] = "会员日",
            ["fields[period]"] = "",
            ["markdown"] = "## 目标与结果 Goals and results\n\nGMV 达成 109%。\n\n## 经验教训 Lessons\n\n<!-- 待补充 -->\n",
        });
        var (conforms, summary, problems) = await ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(conforms);
        Assert.Contains("6 items are missing", summary, StringComparison.Ordinal);
        Assert.Equal(
            [("missing-field", "Missing field: Period"),
             ("missing-section", "Missing section: What went well"),
             ("missing-section", "Missing section: What went badly"),
             ("missing-section", "Missing section: Root causes"),
             ("empty-section", "Empty section: Lessons"),
             ("missing-section", "Missing section: Action items")],
            problems);
    }

    [Fact]
    public async Task A_filled_in_retrospective_conforms()
    {
        var alice = await portal.SignedInAsync("alice");

        var (conforms, summary, problems) = await ReadAsync(await CheckAsync(alice, new Dictionary<string, string>
        {
            ["type"] = "retrospective",
            ["title"] = "完整的复盘 complete",
            ["fields[project]"] = "会员日",
            ["fields[period]"] = "2026-12",
            ["markdown"] = FilledRetrospective,
        }));

        Assert.True(conforms);
        Assert.Empty(problems);
        Assert.Contains("can be submitted for review", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_live_check_needs_the_antiforgery_token()
    {
        var alice = await portal.SignedInAsync("alice");

        var response = await CheckAsync(alice, new Dictionary<string, string> { ["type"] = "retrospective", ["markdown"] = "" }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_new_and_edit_pages_render_the_panel_and_load_the_live_check_script()
    {
        var alice = await portal.SignedInAsync("alice");
        var id = await CreateFromTemplateAsync(alice, "面板 panel");

        foreach (var url in new[] { "/Documents/New?type=retrospective", $"/Documents/{id}/Edit" })
        {
            var page = await alice.GetDocumentAsync(url);
            var panel = page.QuerySelector(".conformance")!;
            Assert.Equal("/Documents/Conformance", panel.GetAttribute("data-conformance-url"));
            Assert.Equal("retrospective", panel.GetAttribute("data-conformance-type"));
            Assert.Contains("nonconforming", panel.ClassList);
            Assert.Equal(["title", "fields[project]", "fields[period]", "markdown"],
                page.QuerySelectorAll("[data-conformance]").Select(e => e.GetAttribute("data-conformance")));
            Assert.Contains(page.QuerySelectorAll("script"), s => s.GetAttribute("src")!.StartsWith("/js/conformance.js?v=", StringComparison.Ordinal));
        }

        var script = await alice.GetPageAsync("/js/conformance.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("textContent", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_a_draft_is_never_refused_for_conformance_and_fields_are_saved_from_the_edit_page()
    {
        var alice = await portal.SignedInAsync("alice");
        var id = await CreateFromTemplateAsync(alice, "草稿 draft save");

        var saved = await EditAsync(alice, id, new Dictionary<string, string> { ["Fields[period]"] = "2026 Q4", ["Form.Markdown"] = "只有一句话。" });
        var page = await alice.FollowAsync(saved);
        var editor = await alice.GetDocumentAsync($"/Documents/{id}/Edit");

        Assert.Contains("2026 Q4", page.QuerySelector(".metadata")!.TextContent);
        Assert.Equal("2026 Q4", editor.QuerySelector<IHtmlInputElement>("input[name='Fields[period]']")!.Value);
        Assert.Contains(editor.QuerySelectorAll(".conformance-problems li"), li => li.TextContent == "Missing field: Project");
        Assert.DoesNotContain(editor.QuerySelectorAll(".conformance-problems li"), li => li.TextContent.Contains("Period", StringComparison.Ordinal));
    }
}
