using System.Net;
using AngleSharp.Html.Dom;
using KnowledgeHub.Documents.Tests.Support;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Search.Extraction;
using Microsoft.Extensions.DependencyInjection;
using static KnowledgeHub.Portal.Tests.Workflow.WorkflowSteps;

namespace KnowledgeHub.Portal.Tests.Workflow;

/// <summary>
/// The portal with a stand-in extractor that reads the file, says it started, then waits for a gate file before it
/// answers "echidnagate" — a slow or hostile PDF, held as long as the test wants.
/// </summary>
public sealed class HeldExtractionPortal : PortalFactory
{
    public HeldExtractionPortal()
        : this(Path.Combine(Path.GetTempPath(), "kh-tests", "held-" + Guid.NewGuid().ToString("N")))
    {
    }

    private HeldExtractionPortal(string folder)
        : base("Development", new Dictionary<string, string>
        {
            ["Search:Extraction:DotnetPath"] = HeldHost(folder),
            ["Search:Extraction:Timeout"] = "00:02:00",
        }) => Folder = folder;

    public string Folder { get; }

    public string Started => Path.Combine(Folder, "started");

    public void OpenGate() => File.WriteAllText(Path.Combine(Folder, "gate"), "open");

    public override async ValueTask DisposeAsync()
    {
        OpenGate();
        await base.DisposeAsync();
        DeleteFolder();
    }

    protected override void Dispose(bool disposing)
    {
        OpenGate();
        base.Dispose(disposing);
        DeleteFolder();
    }

    private void DeleteFolder()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Already gone, or the stand-in extractor is still closing: the temp folder is cleaned up by the OS.
        }
    }

    private static string HeldHost(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "held-dotnet.sh");
        File.WriteAllText(path, $"#!/bin/sh\ncat > /dev/null\ntouch '{folder}/started'\nwhile [ ! -f '{folder}/gate' ]; do sleep 0.05; done\necho echidnagate\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}

public sealed class BackgroundExtractionTests(HeldExtractionPortal portal) : IClassFixture<HeldExtractionPortal>
{
    [Fact]
    public async Task A_save_of_another_document_returns_while_a_PDF_is_still_being_extracted_and_the_PDF_is_found_once_it_is_done()
    {
        var alice = await portal.CreateReadyClientAsync();
        await alice.SignInAsync("alice");
        var withPdf = await CreateFromTemplateAsync(alice, "慢的 PDF slow pdf");
        var other = await CreateFromTemplateAsync(alice, "另一份 another document");
        var page = await alice.GetDocumentAsync($"/Documents/{withPdf}/Attachments");
        var token = page.QuerySelector<IHtmlInputElement>("form.attachment-upload input[name='__RequestVerificationToken']")!.Value;
        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/Documents/{withPdf}/Attachments")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Pdf("hostile")), "file", "hostile.pdf" } },
        };
        upload.Headers.Add("RequestVerificationToken", token);
        upload.Headers.Accept.Add(Json);

        var uploaded = await alice.SendAsync(upload);
        await WaitUntilAsync(() => File.Exists(portal.Started));
        var saved = await FillAsync(alice, other, "saved while a PDF is extracted");
        var pendingAfterSave = portal.Services.GetRequiredService<ExtractionQueue>().Pending;
        portal.OpenGate();
        var found = await AttachmentTests.SearchUntilFoundAsync(alice, "echidnagate");

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, pendingAfterSave); // the extraction was still held when the save answered
        Assert.Equal("/Documents/" + withPdf, Assert.Single(found.QuerySelectorAll("article.hit")).QuerySelector("a")!.GetAttribute("href"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The extraction did not start within 30 s.");
            await Task.Delay(20);
        }
    }
}
