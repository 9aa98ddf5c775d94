using System.Net;
using AngleSharp.Html.Dom;
using KnowledgeHub.Documents.Tests.Support;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using static KnowledgeHub.Portal.Tests.Workflow.WorkflowSteps;

namespace KnowledgeHub.Portal.Tests.Workflow;

/// <summary>The portal on real Kestrel (whose request body limit is 30 MB by default) with the default 50 MB attachment limit.</summary>
public sealed class KestrelWorkflowPortal : PortalFactory
{
    public KestrelWorkflowPortal()
        : base("Development", null) => UseKestrel(0);

    /// <summary>A cookie-keeping client of the real server (redirects not followed), once it reports healthy.</summary>
    public async Task<HttpClient> CreateKestrelClientAsync()
    {
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(address) };
        for (var attempt = 0; (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode != HttpStatusCode.OK; attempt++)
        {
            Assert.True(attempt < 600, "The portal did not become healthy.");
            await Task.Delay(50);
        }

        return client;
    }
}

public sealed class LargeUploadTests(KestrelWorkflowPortal portal) : IClassFixture<KestrelWorkflowPortal>
{
    [Fact]
    public async Task An_upload_larger_than_Kestrels_default_body_limit_but_within_the_setting_is_accepted()
    {
        using var alice = await portal.CreateKestrelClientAsync();
        await alice.SignInAsync("alice");
        var id = await CreateFromTemplateAsync(alice, "大文件 large upload");
        var page = await alice.GetDocumentAsync($"/Documents/{id}/Attachments");
        var token = page.QuerySelector<IHtmlInputElement>("form.attachment-upload input[name='__RequestVerificationToken']")!.Value;
        var pdf = SampleFiles.PdfOfSize(31 * 1024 * 1024);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Documents/{id}/Attachments")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "季度数据.pdf" } },
        };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Accept.Add(Json);
        var response = await alice.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("31 MB", (await alice.GetDocumentAsync("/Documents/" + id)).QuerySelector(".attachment-list")!.TextContent);
    }
}
