using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Workflow;

/// <summary>The workflow as a user does it: the real forms of the new, edit and document pages, submitted with AngleSharp.</summary>
public static class WorkflowSteps
{
    public const string Alice = "user:a11ce000-0000-4000-8000-000000000001";
    public const string Bob = "user:b0b00000-0000-4000-8000-000000000002";

    /// <summary>A retrospective whose every required section has text, with an overdue action item.</summary>
    public const string FilledRetrospective = """
        ## 目标与结果 Goals and results

        大促期 GMV 目标 1.20 亿元，实际 1.31 亿元。

        ## 做得好的 What went well

        - 分层券包效果明显。

        ## 做得不好的 What went badly

        - 开门红峰值时购物车接口超时。

        ## 根本原因 Root causes

        1. 容量评估只按 DAU 峰值。

        ## 经验教训 Lessons

        - 容量评估要按整点抢券的瞬时并发来做。

        ## 行动项 Action items

        - [ ] 压测脚本覆盖购物车合并场景 @bob due:2020-01-15
        - [ ] 复盘模板加入容量评估一节 @alice due:2999-12-31
        """;

    public static readonly Dictionary<string, string> Fields = new()
    {
        ["Fields[project]"] = "双十一大促",
        ["Fields[period]"] = "2026-11-01 ~ 2026-11-11",
    };

    /// <summary>Creates a retrospective from its template (title only: fields empty, sections as the template has them) and returns its id.</summary>
    public static async Task<string> CreateFromTemplateAsync(HttpClient client, string title)
    {
        var page = await client.GetDocumentAsync("/Documents/New?type=retrospective");
        var created = await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form.doc-form")!, values: new Dictionary<string, string> { ["Form.Title"] = title });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return Uri.UnescapeDataString(created.Headers.Location!.OriginalString["/Documents/".Length..]);
    }

    /// <summary>Saves an edit through the edit form; <paramref name="values"/> by field name (Form.Markdown, Fields[project]...).</summary>
    public static async Task<HttpResponseMessage> EditAsync(HttpClient client, string id, IReadOnlyDictionary<string, string> values)
    {
        var page = await client.GetDocumentAsync($"/Documents/{id}/Edit");
        return await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form.doc-form")!, values: values);
    }

    public static Task<HttpResponseMessage> FillAsync(HttpClient client, string id, string note) =>
        EditAsync(client, id, new Dictionary<string, string>(Fields) { ["Form.Markdown"] = FilledRetrospective, ["Form.ChangeNote"] = note });

    /// <summary>Submits for review from the document page, ticking <paramref name="reviewers"/> (the ticked ones stay ticked).</summary>
    public static async Task<HttpResponseMessage> SubmitForReviewAsync(HttpClient client, string id, params string[] reviewers)
    {
        var page = await client.GetDocumentAsync("/Documents/" + id);
        var form = page.QuerySelector<IHtmlFormElement>("form.submit-form")
            ?? throw new InvalidOperationException("The document page has no submit form.");
        foreach (var reviewer in reviewers)
        {
            form.QuerySelector<IHtmlInputElement>($"input[name='Reviewers'][value='{reviewer}']")!.IsChecked = true;
        }

        return await client.SubmitAsync(form);
    }

    /// <summary>Approves ("Approve") or requests changes ("RequestChanges") from the document page's review form.</summary>
    public static async Task<HttpResponseMessage> DecideAsync(HttpClient client, string id, string decision, string comment)
    {
        var page = await client.GetDocumentAsync("/Documents/" + id);
        var form = page.QuerySelector<IHtmlFormElement>("form.review-form")
            ?? throw new InvalidOperationException("The document page has no review form.");
        var button = form.QuerySelector<IHtmlButtonElement>($"button[name='Decision'][value='{decision}']")!;
        return await client.SubmitAsync(form, button, new Dictionary<string, string> { ["Comment"] = comment });
    }

    public static async Task<HttpResponseMessage> ArchiveAsync(HttpClient client, string id)
    {
        var page = await client.GetDocumentAsync("/Documents/" + id);
        return await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form.archive-form")!);
    }

    /// <summary>The antiforgery token of the signed-in session (from the layout's sign-out form), for posts a page does not offer.</summary>
    public static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync("/");
        return page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
    }

    /// <summary>Posts a form with the session's antiforgery token, as a page's form would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IReadOnlyDictionary<string, string>? fields = null)
    {
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = await TokenAsync(client) };
        return await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    public static MediaTypeWithQualityHeaderValue Json { get; } = new("application/json");

    /// <summary>Uploads a file as attachments.js sends it: multipart, the page's antiforgery token in the header, asking for JSON.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string id, string name, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetDocumentAsync($"/Documents/{id}/Attachments");
        var form = page.QuerySelector<IHtmlFormElement>("form.attachment-upload")
            ?? throw new InvalidOperationException("The attachments page has no upload form.");
        var token = form.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(form.Action).PathAndQuery)
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } },
        };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Accept.Add(Json);
        return await client.SendAsync(request);
    }
}
