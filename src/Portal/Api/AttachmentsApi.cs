using KnowledgeHub.Documents;
using KnowledgeHub.Documents.UseCases;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Workflow;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Api;

/// <summary>
/// A document's attachments for scripts, through <see cref="AttachmentFiles"/> like the attachments page: listing needs
/// read access, downloading is a copy taken away (403 for Restricted without a grant), uploading needs the edit right.
/// An upload is <c>multipart/form-data</c> with one part named <c>file</c>; its size is checked against
/// <c>Documents:Attachments:MaxBytes</c> before and while it is read (413), its kind from its bytes (415). All audited.
/// </summary>
public static class AttachmentsApi
{
    public static async Task<Results<Ok<IReadOnlyList<ApiAttachment>>, ProblemHttpResult>> ListAsync(HttpContext context, string id, AttachmentFiles files)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(files);
        if (!DocumentIds.IsValid(id) || await files.GetReadableAsync(id, context.GetCaller(), context.RequestAborted) is not { } manifest)
        {
            return ApiProblems.NotFound();
        }

        return TypedResults.Ok<IReadOnlyList<ApiAttachment>>(manifest.Attachments
            .Select(a => new ApiAttachment(a.Name, a.ContentType, a.Size, a.Sha256, a.UploadedUtc, a.UploadedByName, DownloadUrl(manifest.Id, a.Name)))
            .ToList());
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(HttpContext context, string id, string name, AttachmentFiles files)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(files);
        if (!DocumentIds.IsValid(id))
        {
            return ApiProblems.NotFound();
        }

        switch (await files.OpenAsync(id, name, AttachmentUse.Download, context.GetCaller(), context.RequestAborted))
        {
            case AttachmentFile.Found found:
                AttachmentHeaders.Apply(context.Response, ContentDispositionHeader.ForAttachment(found.Content.Info.Name));
                return TypedResults.File(found.Content.Content.ToArray(), found.Content.ContentType);
            case AttachmentFile.Forbidden:
                return ApiProblems.Forbidden(ApiProblems.Sentence("RestrictedCopy"));
            default:
                return ApiProblems.NotFound(ApiProblems.Sentence("NoAttachment"));
        }
    }

    public static async Task<Results<Created<ApiAttachment>, ProblemHttpResult>> UploadAsync(
        HttpContext context, string id, AttachmentFiles files, IOptions<AttachmentOptions> options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        if (!DocumentIds.IsValid(id))
        {
            return ApiProblems.NotFound();
        }

        // Who may attach is answered before the body is read: a refused caller hears 403/404, not 413 or 415.
        if (await files.RefusalToAttachAsync(id, context.GetCaller(), context.RequestAborted) is { } refused)
        {
            return Refusal(refused);
        }

        var request = context.Request;
        var maxBytes = options.Value.MaxBytes;
        var limit = maxBytes + UploadLimitAttribute.MultipartOverhead;
        if (!request.HasFormContentType)
        {
            return ApiProblems.Problem(
                StatusCodes.Status415UnsupportedMediaType,
                ApiProblems.Sentence("UploadForm"));
        }

        if (request.ContentLength > limit)
        {
            return TooLarge(maxBytes);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        IFormFile? file;
        try
        {
            context.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = limit }));
            var form = await request.ReadFormAsync(context.RequestAborted);
            file = form.Files.GetFile("file");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(maxBytes);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return ApiProblems.BadRequest(ApiProblems.Sentence("UploadUnreadable"));
        }

        await using var stream = file?.OpenReadStream();
        var result = await files.AddAsync(id, file?.FileName, stream, file?.Length ?? 0, context.GetCaller(), context.RequestAborted);
        if (result is AttachmentResult.Added added)
        {
            var a = added.Attachment;
            VersionETag.Set(context.Response, added.Manifest.CurrentVersion);
            var url = DownloadUrl(added.Manifest.Id, a.Name);
            return TypedResults.Created(url, new ApiAttachment(a.Name, a.ContentType, a.Size, a.Sha256, a.UploadedUtc, a.UploadedByName, url));
        }

        return Refusal(result);
    }

    private static ProblemHttpResult Refusal(AttachmentResult result)
    {
        var status = WorkflowStatus.Of(result);
        return ApiProblems.Problem(status, status == StatusCodes.Status404NotFound ? ApiProblems.NotFoundSentence : result.Message ?? ApiProblems.TitleOf(status));
    }

    private static string DownloadUrl(string id, string name) =>
        $"{ApiEndpoints.Prefix}/v1/documents/{id}/attachments/{Uri.EscapeDataString(name)}";

    private static ProblemHttpResult TooLarge(long maxBytes) =>
        ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, new AttachmentResult.TooLarge(maxBytes).Message);
}
