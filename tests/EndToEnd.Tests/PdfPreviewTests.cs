using Microsoft.Playwright;
using static KnowledgeHub.Documents.Tests.Support.SampleFiles;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// A PDF attachment previews in Chromium: PDF.js (vendored under wwwroot/lib/pdfjs) draws it into a canvas with a
/// text layer inside a frame whose policy is a sandbox allowing only this site's scripts; Chromium's own PDF viewer
/// (which does not run in a sandboxed frame) is never involved.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PdfPreviewTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_pdf_attachment_previews_as_drawn_pages_with_its_text_in_a_sandboxed_frame()
    {
        var alice = await fixture.SignedInAsync("alice");
        var name = "preview-" + Guid.NewGuid().ToString("N")[..6] + ".pdf";
        const string Sentence = "Quarterly preview zebrafinch marigold";
        await alice.GotoAsync("/Documents/campaign-2026-618-plan/Attachments");
        await alice.Locator("#attachment-file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/pdf", Buffer = Pdf(Sentence) });
        await alice.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync(); // choosing a file sends nothing yet
        await Expect(alice.Locator(".attachment-list a.attachment-download", new() { HasTextString = name })).ToBeVisibleAsync();

        await alice.GotoAsync($"/Documents/campaign-2026-618-plan/Attachments/{name}/View");

        var frame = alice.FrameLocator("iframe.pdf-frame");
        await Expect(frame.Locator(".pdf-page[data-rendered='true'] .textLayer")).ToContainTextAsync(Sentence);
        var inked = await frame.Locator(".pdf-page canvas").First.EvaluateAsync<bool>(
            """
            canvas => {
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                for (let i = 0; i < data.length; i += 4) {
                    if (data[i] < 128 && data[i + 3] > 0) { return true; }
                }
                return false;
            }
            """);
        Assert.True(inked, "The PDF page's canvas has no dark pixel: the text was not drawn.");

        var viewer = await alice.Context.APIRequest.GetAsync($"/Documents/campaign-2026-618-plan/Attachments/{name}/PdfViewer");
        var policy = viewer.Headers["content-security-policy"];
        Assert.StartsWith("sandbox allow-scripts allow-same-origin;", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
    }
}
