using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using KnowledgeHub.Documents.Tests.Support;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Portal.Tests.Workflow;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Localization;

/// <summary>
/// One portal for the language tests, with a document that has every kind of page: two versions (history, compare,
/// a version), an action item, a pending review with comments, and an image attachment (its preview page).
/// </summary>
public sealed class LanguageWorld : IAsyncLifetime
{
    public const string Attachment = "pixel.png";

    public PortalFactory Portal { get; } = new();

    /// <summary>Carol's retrospective (Carol is an admin and the owner), in review with Bob.</summary>
    public string DocumentId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var carol = await Portal.CreateReadyClientAsync();
        await carol.SignInAsync("carol");
        DocumentId = await WorkflowSteps.CreateFromTemplateAsync(carol, "语言检查复盘 language check");
        Assert.Equal(HttpStatusCode.Redirect, (await WorkflowSteps.FillAsync(carol, DocumentId, "补全 filled")).StatusCode);
        var page = await carol.GetDocumentAsync($"/Documents/{DocumentId}/Attachments");
        var token = page.QuerySelector<IHtmlInputElement>("form.attachment-upload input[name='__RequestVerificationToken']")!.Value;
        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/Documents/{DocumentId}/Attachments")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Png), "file", Attachment } },
        };
        upload.Headers.Add("RequestVerificationToken", token);
        upload.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Assert.Equal(HttpStatusCode.Created, (await carol.SendAsync(upload)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WorkflowSteps.SubmitForReviewAsync(carol, DocumentId, WorkflowSteps.Bob)).StatusCode);
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();

    /// <summary>Every Razor page's route template ("Documents/{id}/Edit"), from the app's endpoints: pages added later are crawled too.</summary>
    public IReadOnlyList<string> PageRoutes() =>
    [
        .. Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText ?? "")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];
}
