using KnowledgeHub.Documents;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Workflow;

/// <summary>
/// Sizes an upload endpoint from <c>Documents:Attachments:MaxBytes</c> plus <see cref="MultipartOverhead"/>:
/// Kestrel's request body limit (30 MB by default) and the multipart form limit are raised or lowered to it,
/// and the form is read here — after authorization, before antiforgery validation reads it — so a body that is
/// too large is a 413 with a sentence (JSON for scripts, a page otherwise), never an exception.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class UploadLimitAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    /// <summary>Room for the multipart boundaries, part headers and the antiforgery field around the file.</summary>
    public const long MultipartOverhead = 64 * 1024;

    /// <summary>After authorization filters (order 0), before antiforgery validation (order 1000).</summary>
    public int Order => 100;

    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new Filter(serviceProvider.GetRequiredService<IOptions<AttachmentOptions>>(), Order);

    private sealed class Filter(IOptions<AttachmentOptions> options, int order) : IAsyncAuthorizationFilter, IOrderedFilter
    {
        public int Order => order;

        public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            var request = http.Request;
            if (!HttpMethods.IsPost(request.Method) || context.Result is not null)
            {
                return;
            }

            var maxBytes = options.Value.MaxBytes;
            var limit = maxBytes + MultipartOverhead;
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = limit;
            }

            if (request.ContentLength > limit)
            {
                context.Result = Refuse(http, StatusCodes.Status413PayloadTooLarge, new AttachmentResult.TooLarge(maxBytes).Message);
                return;
            }

            if (!request.HasFormContentType)
            {
                return;
            }

            http.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = limit }));
            try
            {
                await request.ReadFormAsync(http.RequestAborted);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                context.Result = Refuse(http, StatusCodes.Status413PayloadTooLarge, new AttachmentResult.TooLarge(maxBytes).Message);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
            {
                context.Result = Refuse(http, StatusCodes.Status400BadRequest, "The upload could not be read (it may be incomplete or too large); try again.");
            }
        }

        private static IActionResult Refuse(HttpContext http, int status, string sentence) =>
            UploadResponses.WantsJson(http.Request)
                ? UploadResponses.Error(status, http.RequestServices.GetRequiredService<Localization.DomainMessages>().Localize(sentence))
                : new ViewResult
                {
                    ViewName = "/Pages/Documents/AttachmentsRefused.cshtml",
                    StatusCode = status,
                    ViewData = new ViewDataDictionary<string>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = sentence },
                };
    }
}

/// <summary>The JSON answers of the upload endpoint (for <c>attachments.js</c>).</summary>
public static class UploadResponses
{
    /// <summary>True when the client asked for JSON (the upload script does); a plain form post gets pages and redirects.</summary>
    public static bool WantsJson(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
    }

    public static JsonResult Error(int status, string sentence) => new(new UploadError(sentence)) { StatusCode = status };
}

public sealed record UploadError(string Error);

/// <summary>What a successful upload answers: the stored name, size and type, and where to get it.</summary>
public sealed record UploadedAttachment(string Name, long Size, string ContentType, string Url, string? PreviewUrl);
