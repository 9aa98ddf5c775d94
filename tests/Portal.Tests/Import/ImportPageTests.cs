using System.IO.Compression;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Import;

public sealed class ImportPageTests(ImportPortal portal) : IClassFixture<ImportPortal>
{
    private static byte[] Zip(params (string Name, string Text)[] files)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(System.Text.Encoding.UTF8.GetBytes(text));
            }
        }

        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> PostBatchAsync(HttpClient client, byte[] zip, string mode)
    {
        var page = await client.GetDocumentAsync("/Import");
        var form = page.QuerySelector<IHtmlFormElement>("form[data-import-form]")!;
        var token = form.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(mode), "Mode" },
            { new StringContent("Retrospectives"), "Form.Collection" },
            { new ByteArrayContent(zip), "files", "batch.zip" },
        };
        return await client.PostAsync(new Uri("/Import", UriKind.Relative), content);
    }

    private static async Task<IHtmlDocument> FinishedJobAsync(HttpClient client, string jobUrl)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri(jobUrl + "?handler=Progress", UriKind.Relative)));
            if (json.RootElement.GetProperty("finished").GetBoolean())
            {
                return await client.GetDocumentAsync(jobUrl);
            }

            Assert.True(DateTime.UtcNow < deadline, "The import did not finish within 60 s.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_reader_gets_403_on_the_import_page()
    {
        var dave = await portal.SignedInAsync("dave");

        var response = await dave.GetPageAsync("/Import");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_contributor_dry_runs_a_zip_sees_the_report_then_imports_it_from_there()
    {
        var alice = await portal.SignedInAsync("alice");
        var zip = Zip(
            ("复盘/page-retro.md", "---\ntype: retrospective\ntitle: 页面导入复盘 page import retro\n---\n## 目标与结果 Goals and results\n\nwombatq result\n"),
            ("notes.txt", "not imported"));

        var posted = await PostBatchAsync(alice, zip, "dry");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var jobUrl = posted.Headers.Location!.OriginalString;
        var dry = await FinishedJobAsync(alice, jobUrl);

        var row = dry.QuerySelector("tr[data-import-item='复盘/page-retro.md']")!;
        Assert.Equal("WouldImport", row.GetAttribute("data-outcome"));
        Assert.NotNull(row.QuerySelector("ul.import-problems"));
        Assert.Equal("Skipped", dry.QuerySelector("tr[data-import-item='notes.txt']")!.GetAttribute("data-outcome"));
        var run = dry.QuerySelector<IHtmlFormElement>("form[action*='handler=Run']")!;
        var started = await alice.SubmitAsync(run);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var done = await FinishedJobAsync(alice, started.Headers.Location!.OriginalString);

        var imported = done.QuerySelector("tr[data-import-item='复盘/page-retro.md']")!;
        Assert.Equal("Imported", imported.GetAttribute("data-outcome"));
        var id = imported.GetAttribute("data-document-id")!;
        var document = await alice.GetDocumentAsync("/Documents/" + id);
        Assert.Contains("页面导入复盘", document.QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.SignedInAsync("bob")).GetPageAsync(jobUrl)).StatusCode);
    }

    /// <summary>The importer's sentences (skipped, failed, not conformant, not attached) and the type in the page's language.</summary>
    [Fact]
    public async Task The_report_speaks_the_users_language_and_names_the_files_not_attached()
    {
        var alice = await portal.SignedInAsync("alice");
        alice.DefaultRequestHeaders.AcceptLanguage.Clear();
        alice.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var zip = Zip(
            ("lang-retro.md", "---\ntype: retrospective\ntitle: 语言导入复盘 language import retro\n---\n## 目标与结果 Goals and results\n\nquokkaz result\n"),
            ("lang-retro.files/setup.exe", "MZ\u0090\u0000 an executable"),
            ("lang-notes.txt", "not imported"));

        var posted = await PostBatchAsync(alice, zip, "run");
        var job = await FinishedJobAsync(alice, posted.Headers.Location!.OriginalString);

        var skipped = job.QuerySelector("tr[data-import-item='lang-notes.txt']")!;
        Assert.Equal("不是 Word（.docx）、PDF 或 Markdown 文件，未导入。", skipped.QuerySelector("td:last-child")!.TextContent.Trim());
        var imported = job.QuerySelector("tr[data-import-item='lang-retro.md']")!;
        Assert.Equal("Imported", imported.GetAttribute("data-outcome"));
        Assert.Equal("复盘", imported.QuerySelector("td[data-type]")!.TextContent.Trim());
        var notes = imported.QuerySelector("td:last-child")!;
        Assert.StartsWith("已导入；它的部分文件未能添加为附件。", notes.TextContent.Trim(), StringComparison.Ordinal);
        var notAttached = Assert.Single(notes.QuerySelectorAll("ul.import-not-attached li"));
        Assert.Equal("setup.exe", notAttached.QuerySelector("[data-content]")!.TextContent);
        Assert.Equal("setup.exe: “setup.exe”是Windows 程序（MZ）；不能添加程序文件。", notAttached.TextContent);
        Assert.All(notes.QuerySelectorAll("ul.import-problems li"), li => Assert.StartsWith("缺少", li.TextContent, StringComparison.Ordinal));
        Assert.NotEmpty(notes.QuerySelectorAll("ul.import-problems li"));
    }

    [Fact]
    public async Task A_damaged_zip_ends_the_job_with_a_sentence_and_imports_nothing()
    {
        var alice = await portal.SignedInAsync("alice");
        var before = await portal.CountDocumentsAsync();

        var posted = await PostBatchAsync(alice, [0x50, 0x4B, 0x03, 0x04, 9, 9, 9], "run");
        var job = await FinishedJobAsync(alice, posted.Headers.Location!.OriginalString);

        Assert.Contains("damaged", job.QuerySelector("[data-import-error]")!.TextContent);
        Assert.Equal(before, await portal.CountDocumentsAsync());
    }

    [Fact]
    public async Task Exporting_the_whole_store_is_for_admins_and_a_zip_with_a_manifest_for_them()
    {
        var alice = await portal.SignedInAsync("alice");
        var carol = await portal.SignedInAsync("carol");

        var refused = await alice.GetPageAsync("/Export/All");
        var zip = await carol.GetPageAsync("/Export/All");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        Assert.NotNull(archive.GetEntry("manifest.json"));
        Assert.NotNull(archive.GetEntry("retro-2026-618-campaign.md"));
    }

    [Fact]
    public async Task One_document_exports_as_Word_and_as_a_printable_page_and_an_unknown_one_is_404()
    {
        var bob = await portal.SignedInAsync("bob");

        var docx = await bob.GetPageAsync("/Export/Documents/retro-2026-618-campaign/Docx");
        var print = await bob.GetDocumentAsync("/Export/Documents/retro-2026-618-campaign/Print");
        var missing = await bob.GetPageAsync("/Export/Documents/no-such-document/Docx");

        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("retro-2026-618-campaign", print.Body!.GetAttribute("data-document-id"));
        Assert.NotNull(print.QuerySelector("link[href^='/css/print.css']"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
