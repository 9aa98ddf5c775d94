using KnowledgeHub.Documents;
using KnowledgeHub.Documents.UseCases;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Components;
using KnowledgeHub.Portal.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Documents;

/// <summary>
/// A document's attachments, and uploading one (multipart field <c>file</c>). attachments.js asks for JSON:
/// 201 with the stored file, or 400/403/404/413/415 (503 with Retry-After when the document is too busy) with <c>{"error": sentence}</c>. A plain form post is
/// redirected to the document, or shown this page with the sentence and the status.
/// </summary>
[UploadLimit]
public sealed class AttachmentsModel(AttachmentFiles files, KnowledgeHub.Portal.Localization.DomainMessages messages, Microsoft.Extensions.Localization.IStringLocalizer<KnowledgeHub.Portal.Resources.ReviewText> text) : PageModel
{
    [BindProperty(Name = "file")]
    public IFormFile? Upload { get; set; }

    public AttachmentsSection? Section { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id) =>
        await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id)
    {
        await using var content = Upload?.OpenReadStream();
        var result = await files.AddAsync(id, Upload?.FileName, content, Upload?.Length ?? 0, HttpContext.GetCaller(), HttpContext.RequestAborted);
        if (result is AttachmentResult.Busy)
        {
            Response.Headers.RetryAfter = "1";
        }

        if (UploadResponses.WantsJson(Request))
        {
            return result is AttachmentResult.Added added ? Created(added) : UploadResponses.Error(WorkflowStatus.Of(result), messages.Localize(result.Message));
        }

        if (result is AttachmentResult.Added stored)
        {
            TempData["WorkflowMessage"] = text["Uploaded", stored.Attachment.Name].Value;
            return Redirect(DocumentLinks.View(stored.Manifest.Id) + "#attachments");
        }

        if (result is AttachmentResult.NotFound || !await LoadAsync(id))
        {
            return NotFound();
        }

        Error = messages.Localize(result.Message);
        Response.StatusCode = WorkflowStatus.Of(result);
        return Page();
    }

    private JsonResult Created(AttachmentResult.Added added)
    {
        var (id, file) = (added.Manifest.Id, added.Attachment);
        var url = WorkflowLinks.Attachment(id, file.Name);
        var preview = file.Kind is { } kind && AttachmentTypes.CanPreviewInline(kind) ? WorkflowLinks.AttachmentView(id, file.Name) : null;
        Response.Headers.Location = url;
        return new JsonResult(new UploadedAttachment(file.Name, file.Size, file.ContentType, url, preview)) { StatusCode = StatusCodes.Status201Created };
    }

    private async Task<bool> LoadAsync(string id)
    {
        var caller = HttpContext.GetCaller();
        if (await files.GetReadableAsync(id, caller, HttpContext.RequestAborted) is not { } manifest)
        {
            return false;
        }

        Section = new AttachmentsSection(manifest, DocumentAccess.CanEdit(manifest, caller), AccessRules.CanDownload(manifest, caller));
        return true;
    }
}
