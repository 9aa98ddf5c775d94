namespace KnowledgeHub.Portal.Workflow;

/// <summary>The response headers of an attachment's bytes, downloaded or previewed.</summary>
public static class AttachmentHeaders
{
    /// <summary>
    /// The preview's policy: a sandbox (no script, no same-origin access, no forms), nothing loaded but the file
    /// itself, and framed only by this site's preview page.
    /// </summary>
    public const string PreviewPolicy = "sandbox; default-src 'none'; img-src 'self'; object-src 'self'; frame-ancestors 'self'";

    public static void Apply(HttpResponse response, string contentDisposition)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ContentDisposition = contentDisposition;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
    }
}
