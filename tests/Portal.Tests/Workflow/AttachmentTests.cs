using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Dom;
using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Tests.Support;
using KnowledgeHub.Portal.Tests.Access;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Search;
using Microsoft.Extensions.DependencyInjection;
using static KnowledgeHub.Portal.Tests.Workflow.WorkflowSteps;

namespace KnowledgeHub.Portal.Tests.Workflow;

public sealed class AttachmentTests(WorkflowPortal portal) : IClassFixture<WorkflowPortal>
{
    private const string Pdf = "application/pdf";
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>As attachments.js sends it: multipart with the file, the token in the header, asking for JSON.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string id, string name, byte[] bytes, bool script = true)
    {
        var page = await client.GetDocumentAsync($"/Documents/{id}/Attachments");
        var form = page.QuerySelector<IHtmlFormElement>("form.attachment-upload")
            ?? throw new InvalidOperationException("The attachments page has no upload form.");
        var token = form.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var content = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(form.Action).PathAndQuery) { Content = content };
        if (script)
        {
            request.Headers.Add("RequestVerificationToken", token);
            request.Headers.Accept.Add(Json);
        }
        else
        {
            content.Add(new StringContent(token), "__RequestVerificationToken");
        }

        return await client.SendAsync(request);
    }

    /// <summary>The search page for <paramref name="query"/> once it has a hit (the index follows in the background), or the test fails after 30 s.</summary>
    public static async Task<IHtmlDocument> SearchUntilFoundAsync(HttpClient client, string query)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await client.GetDocumentAsync("/Search?q=" + Uri.EscapeDataString(query));
            if (page.QuerySelectorAll("article.hit").Length > 0)
            {
                return page;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Nothing was found for '{query}' within 30 s.");
            await Task.Delay(50);
        }
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("error").GetString()!;
    }

    [Fact]
    public async Task A_PDF_and_a_DOCX_upload_with_201_and_are_listed_with_download_and_preview_links()
    {
        var alice = await portal.SignedInAsync("alice");
        var id = await CreateFromTemplateAsync(alice, "附件 attachments upload");
        var pdf = SampleFiles.Pdf("Quarterly churn analysis zebrafinch");
        var docx = SampleFiles.Docx("用户访谈纪要 interview notes");

        var first = await UploadAsync(alice, id, "复盘数据 2026.pdf", pdf);
        var second = await UploadAsync(alice, id, "访谈纪要.docx", docx);
        using var json = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var page = await alice.GetDocumentAsync("/Documents/" + id);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("复盘数据 2026.pdf", json.RootElement.GetProperty("name").GetString());
        Assert.Equal(pdf.Length, json.RootElement.GetProperty("size").GetInt64());
        Assert.Equal(Pdf, json.RootElement.GetProperty("contentType").GetString());
        var url = $"/Documents/{id}/Attachments/{Uri.EscapeDataString("复盘数据 2026.pdf")}";
        Assert.Equal(url, json.RootElement.GetProperty("url").GetString());
        Assert.Equal(url, first.Headers.Location!.OriginalString);
        Assert.Equal(url + "/View", json.RootElement.GetProperty("previewUrl").GetString());
        var links = page.QuerySelectorAll(".attachment-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(url, links);
        Assert.Contains(url + "/View", links);
        Assert.Contains($"/Documents/{id}/Attachments/{Uri.EscapeDataString("访谈纪要.docx")}", links);
        Assert.DoesNotContain($"/Documents/{id}/Attachments/{Uri.EscapeDataString("访谈纪要.docx")}/View", links);
        Assert.NotNull(page.QuerySelector("form.attachment-upload[data-attachment-upload] input[type=file][name=file]"));
        Assert.Contains(page.QuerySelectorAll("script"), s => s.GetAttribute("src")!.StartsWith("/js/attachments.js?v=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Words_inside_an_uploaded_PDF_and_DOCX_find_the_document_and_the_hit_names_the_file()
    {
        var alice = await portal.SignedInAsync("alice");
        var id = await CreateFromTemplateAsync(alice, "附件检索 attachment search");
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(alice, id, "churn.pdf", SampleFiles.Pdf("quokkaridge churn figures"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(alice, id, "访谈.docx", SampleFiles.Docx("用户访谈 wallabyfern 纪要"))).StatusCode);

        // The text is extracted in the background, after the upload answered: the search finds it a moment later.
        var byPdf = await SearchUntilFoundAsync(alice, "quokkaridge");
        var byDocx = await SearchUntilFoundAsync(alice, "wallabyfern");

        foreach (var (results, file) in new[] { (byPdf, "churn.pdf"), (byDocx, "访谈.docx") })
        {
            var hit = Assert.Single(results.QuerySelectorAll("article.hit"));
            Assert.Equal("/Documents/" + id, hit.QuerySelector("a")!.GetAttribute("href"));
            Assert.Equal(file, hit.QuerySelector(".matched-attachment .file-name")!.TextContent);
        }
    }

    [Fact]
    public async Task Sixty_concurrent_uploads_to_one_document_all_answer_201_or_a_sentence_and_every_201_is_listed()
    {
        var alice = await portal.SignedInAsync("alice");
        var id = await CreateFromTemplateAsync(alice, "并发上传 concurrent uploads");
        var page = await alice.GetDocumentAsync($"/Documents/{id}/Attachments");
        var token = page.QuerySelector<IHtmlInputElement>("form.attachment-upload input[name='__RequestVerificationToken']")!.Value;

        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/Documents/{id}/Attachments")
            {
                Content = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Utf8($"第 {i} 份纪要")), "file", $"纪要-{i:00}.txt" } },
            };
            request.Headers.Add("RequestVerificationToken", token);
            request.Headers.Accept.Add(Json);
            var response = await alice.SendAsync(request);
            return (Name: $"纪要-{i:00}.txt", response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })));

        Assert.All(responses, r => Assert.True(
            r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict or HttpStatusCode.ServiceUnavailable, $"{r.Name}: {(int)r.StatusCode} {r.Body}"));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Contains("try again", r.Body, StringComparison.Ordinal));
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).Select(r => r.Name).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(created);
        var manifest = await portal.Services.GetRequiredService<DocumentRepository>().GetManifestAsync(id, CancellationToken.None);
        Assert.Equal(created, manifest!.Attachments.Select(a => a.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_script_the_upload_form_posts_and_redirects_to_the_document()
    {
        var alice = await portal.SignedInAsync("alice");
        var id = await CreateFromTemplateAsync(alice, "无脚本上传 plain post");

        var response = await UploadAsync(alice, id, "notes.docx", SampleFiles.Docx("plain post"), script: false);
        var page = await alice.FollowAsync(response);

        Assert.Equal($"/Documents/{id}#attachments", response.Headers.Location!.OriginalString);
        Assert.Contains("notes.docx", page.QuerySelector(".workflow-message")!.TextContent);
        Assert.Contains("notes.docx", page.QuerySelector(".attachment-list")!.TextContent);
    }

    [Fact]
    public async Task A_download_is_an_attachment_with_the_UTF8_file_name_the_server_decided_type_and_nosniff_and_is_audited()
    {
        var alice = await portal.SignedInAsync("alice");
        var dave = await portal.SignedInAsync("dave");
        var id = await CreateFromTemplateAsync(alice, "下载头 download headers");
        var docx = SampleFiles.Docx("下载 download");
        await UploadAsync(alice, id, "用户研究 报告.docx", docx);

        var response = await dave.GetPageAsync($"/Documents/{id}/Attachments/{Uri.EscapeDataString("用户研究 报告.docx")}");
        var disposition = response.Content.Headers.ContentDisposition!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(docx, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(DocxType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("用户研究 报告.docx", disposition.FileNameStar);
        Assert.Equal(
            "attachment; filename=\"download.docx\"; filename*=UTF-8''%E7%94%A8%E6%88%B7%E7%A0%94%E7%A9%B6%20%E6%8A%A5%E5%91%8A.docx",
            response.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        Assert.Single(await AccessTestData.AuditAsync(portal.Services, e =>
            e is { Action: "download", Outcome: "allowed" } && e.DocumentId == id && e.Principal == TestUsers.Dave.Principal()));
    }

    [Fact]
    public async Task An_executable_renamed_to_pdf_is_refused_with_415_and_a_sentence()
    {
        var alice = await portal.SignedInAsync("alice");
        var id = await CreateFromTemplateAsync(alice, "伪装的程序 renamed exe");

        var scripted = await UploadAsync(alice, id, "report.pdf", SampleFiles.Exe);
        var plain = await UploadAsync(alice, id, "report.pdf", SampleFiles.Exe, script: false);
        var page = await HtmlHelpers.GetDocumentAsync(plain);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, scripted.StatusCode);
        Assert.Equal("'report.pdf' is a Windows program (MZ); programs cannot be attached.", await ErrorAsync(scripted));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Contains("programs cannot be attached", page.QuerySelector(".upload-error")!.TextContent);
        Assert.Empty((await alice.GetDocumentAsync("/Documents/" + id)).QuerySelectorAll(".attachment-list li"));
    }

    [Theory]
    [InlineData(WorkflowPortal.MaxBytes + 1)] // refused by the attachment service after reading
    [InlineData(WorkflowPortal.MaxBytes + 100_000)] // refused from Content-Length before the body is read
    public async Task A_file_over_the_configured_limit_is_refused_with_413_and_a_sentence(long size)
    {
        var alice = await portal.SignedInAsync("alice");
        var id = await CreateFromTemplateAsync(alice, "太大的文件 too large " + size);

        var scripted = await UploadAsync(alice, id, "big.pdf", SampleFiles.PdfOfSize((int)size));
        var plain = await UploadAsync(alice, id, "big.pdf", SampleFiles.PdfOfSize((int)size), script: false);
        var page = await HtmlHelpers.GetDocumentAsync(plain);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, scripted.StatusCode);
        Assert.Equal("The file is larger than the 200000 bytes allowed.", await ErrorAsync(scripted));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, plain.StatusCode);
        Assert.Contains("The file is larger than the 200000 bytes allowed.", page.QuerySelector(".upload-error")!.TextContent);
        Assert.Empty((await alice.GetDocumentAsync("/Documents/" + id)).QuerySelectorAll(".attachment-list li"));
    }

    [Fact]
    public async Task The_upload_form_offers_the_limit_to_the_script_so_it_can_refuse_before_sending()
    {
        var alice = await portal.SignedInAsync("alice");
        var id = await CreateFromTemplateAsync(alice, "上限 limit");

        var form = (await alice.GetDocumentAsync($"/Documents/{id}/Attachments")).QuerySelector("form.attachment-upload")!;

        Assert.Equal("200000", form.GetAttribute("data-max-bytes"));
        Assert.Equal("The file is larger than the 200000 bytes allowed.", form.GetAttribute("data-too-large"));
    }

    [Fact]
    public async Task Uploads_follow_the_edit_rules_and_need_the_antiforgery_token()
    {
        var alice = await portal.SignedInAsync("alice");
        var dave = await portal.SignedInAsync("dave");
        var id = await CreateFromTemplateAsync(alice, "上传权限 upload rules");
        var token = await TokenAsync(dave);

        using var asReader = new HttpRequestMessage(HttpMethod.Post, $"/Documents/{id}/Attachments")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Pdf("x")), "file", "x.pdf" } },
        };
        asReader.Headers.Add("RequestVerificationToken", token);
        asReader.Headers.Accept.Add(Json);
        var reader = await dave.SendAsync(asReader);
        using var noToken = new HttpRequestMessage(HttpMethod.Post, $"/Documents/{id}/Attachments")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Pdf("x")), "file", "x.pdf" } },
        };
        var forged = await alice.SendAsync(noToken);

        Assert.Null((await dave.GetDocumentAsync("/Documents/" + id)).QuerySelector("form.attachment-upload"));
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal("Only the owner, the document's editors and admins can attach files.", await ErrorAsync(reader));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty((await alice.GetDocumentAsync("/Documents/" + id)).QuerySelectorAll(".attachment-list li"));
    }

    [Fact]
    public async Task Attachments_of_a_document_the_caller_may_not_read_are_404_and_of_a_restricted_one_without_a_grant_403()
    {
        var bob = await portal.SignedInAsync("bob");
        var alice = await portal.SignedInAsync("alice");
        var (id, word) = AccessTestData.NewName();
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Bob, id, word, Confidentiality.Restricted, readers: [TestUsers.Alice.Principal()]);
        var (hidden, hiddenWord) = AccessTestData.NewName();
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Bob, hidden, hiddenWord, Confidentiality.Confidential);
        await UploadAsync(bob, id, "受限.pdf", SampleFiles.Pdf("restricted"));
        await UploadAsync(bob, hidden, "hidden.pdf", SampleFiles.Pdf("hidden"));
        var dave = await portal.SignedInAsync("dave");

        var readerPage = await alice.GetDocumentAsync("/Documents/" + id);
        var reader = await alice.GetPageAsync($"/Documents/{id}/Attachments/{Uri.EscapeDataString("受限.pdf")}");
        var readerPreview = await alice.GetPageAsync($"/Documents/{id}/Attachments/{Uri.EscapeDataString("受限.pdf")}/Preview");
        var outsider = await dave.GetPageAsync($"/Documents/{id}/Attachments/{Uri.EscapeDataString("受限.pdf")}");
        var unreadable = await alice.GetPageAsync($"/Documents/{hidden}/Attachments/hidden.pdf");
        var unreadableUpload = await UploadWithoutPageAsync(alice, hidden);
        var missing = await bob.GetPageAsync($"/Documents/{id}/Attachments/no-such-file.pdf");
        var owner = await bob.GetPageAsync($"/Documents/{id}/Attachments/{Uri.EscapeDataString("受限.pdf")}");

        Assert.Equal("受限.pdf", readerPage.QuerySelector(".attachment-list .attachment-name")!.TextContent);
        Assert.Null(readerPage.QuerySelector(".attachment-list a"));
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readerPreview.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unreadable.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unreadableUpload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        var audit = await AccessTestData.AuditAsync(portal.Services, e => e.Action == "download" && e.DocumentId == id);
        Assert.Equal(
            [(TestUsers.Alice.Principal(), "denied"), (TestUsers.Alice.Principal(), "denied"), (TestUsers.Dave.Principal(), "denied"), (TestUsers.Bob.Principal(), "allowed")],
            audit.Select(e => (e.Principal, e.Outcome)));
    }

    [Fact]
    public async Task Images_and_PDFs_preview_inline_in_a_sandboxed_frame_and_other_types_do_not()
    {
        var alice = await portal.SignedInAsync("alice");
        var id = await CreateFromTemplateAsync(alice, "预览 preview");
        var pdf = SampleFiles.Pdf("preview me");
        await UploadAsync(alice, id, "图表.pdf", pdf);
        await UploadAsync(alice, id, "notes.docx", SampleFiles.Docx("no preview"));

        var viewer = await alice.GetDocumentAsync($"/Documents/{id}/Attachments/{Uri.EscapeDataString("图表.pdf")}/View");
        var frame = viewer.QuerySelector<IHtmlInlineFrameElement>("iframe.attachment-frame")!;
        var pdfViewer = await alice.GetPageAsync(frame.GetAttribute("src")!);
        var preview = await alice.GetPageAsync($"/Documents/{id}/Attachments/{Uri.EscapeDataString("图表.pdf")}/Preview");
        var docxPreview = await alice.GetPageAsync($"/Documents/{id}/Attachments/notes.docx/Preview");
        var docxViewer = await alice.GetPageAsync($"/Documents/{id}/Attachments/notes.docx/View");

        // A PDF is drawn by PDF.js in a frame whose own policy is the sandbox (Chromium's PDF viewer does not run sandboxed).
        Assert.Equal($"/Documents/{id}/Attachments/{Uri.EscapeDataString("图表.pdf")}/PdfViewer", frame.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, pdfViewer.StatusCode);
        Assert.StartsWith("sandbox allow-scripts allow-same-origin;", string.Join("; ", pdfViewer.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Contains("data-pdf-src=\"/Documents/", await pdfViewer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(pdf, await preview.Content.ReadAsByteArrayAsync());
        Assert.Equal(Pdf, preview.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", preview.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("图表.pdf", preview.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(["nosniff"], preview.Headers.GetValues("X-Content-Type-Options"));
        Assert.Contains("frame-ancestors 'self'", string.Join("; ", preview.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(["SAMEORIGIN"], preview.Headers.GetValues("X-Frame-Options"));
        Assert.Equal(HttpStatusCode.NotFound, docxPreview.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, docxViewer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetPageAsync($"/Documents/{id}/Attachments/notes.docx/PdfViewer")).StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadWithoutPageAsync(HttpClient client, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Documents/{id}/Attachments")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Pdf("x")), "file", "x.pdf" } },
        };
        request.Headers.Add("RequestVerificationToken", await TokenAsync(client));
        request.Headers.Accept.Add(Json);
        return await client.SendAsync(request);
    }
}
