using KnowledgeHub.Portal.Resources;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Import;

/// <summary>
/// Sizes the import form's upload from <c>Import:MaxBatchBytes</c>: the request body and multipart limits are set to
/// it and the form is read here, after authorization and before antiforgery reads it, so a batch that is too large is
/// a 413 with a sentence, never an exception.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ImportUploadLimitAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    public int Order => 100;

    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new Filter(serviceProvider.GetRequiredService<IOptions<ImportWebOptions>>(), serviceProvider.GetRequiredService<IStringLocalizer<ImportText>>(), Order);

    private sealed class Filter(IOptions<ImportWebOptions> options, IStringLocalizer<ImportText> text, int order) : IAsyncAuthorizationFilter, IOrderedFilter
    {
        public int Order => order;

        public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsPost(http.Request.Method) || context.Result is not null || !http.Request.HasFormContentType)
            {
                return;
            }

            var limit = options.Value.MaxBatchBytes;
            var megabytes = limit / (1024 * 1024);
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = limit;
            }

            if (http.Request.ContentLength > limit)
            {
                context.Result = Refuse(StatusCodes.Status413PayloadTooLarge, text["BatchTooLarge", megabytes]);
                return;
            }

            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit, ValueCountLimit = 20_000 }));
            try
            {
                await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                context.Result = Refuse(StatusCodes.Status413PayloadTooLarge, text["BatchTooLarge", megabytes]);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
            {
                context.Result = Refuse(StatusCodes.Status400BadRequest, text["UploadUnreadable"]);
            }
        }

        private static ContentResult Refuse(int status, string sentence) =>
            new() { StatusCode = status, Content = sentence, ContentType = "text/plain; charset=utf-8" };
    }
}
