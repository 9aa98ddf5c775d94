using System.Text.Json.Serialization;

namespace KnowledgeHub.Documents;

/// <summary>The kinds of file that may be attached. The kind is decided from the bytes (<see cref="FileTypeDetector"/>).</summary>
public enum AttachmentKind
{
    Pdf,
    Docx,
    Xlsx,
    Pptx,
    Png,
    Jpeg,
    Text,
    Markdown,
}

/// <summary>An attached file as the manifest lists it; the content is at <c>files/{Sha256}</c> (lowercase hex).</summary>
public sealed record AttachmentInfo(string Name, string ContentType, long Size, string Sha256, DateTimeOffset UploadedUtc, string UploadedBy)
{
    public string UploadedByName { get; init; } = "";

    /// <summary>The kind behind <see cref="ContentType"/>, or null for a content type this version does not know.</summary>
    [JsonIgnore]
    public AttachmentKind? Kind => AttachmentTypes.KindOf(ContentType);
}

/// <summary>Content types, extensions and labels of the <see cref="AttachmentKind"/>s.</summary>
public static class AttachmentTypes
{
    public const string Allowed = "PDF, DOCX, XLSX, PPTX, PNG, JPEG, TXT, MD";

    private static readonly Dictionary<string, AttachmentKind> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = AttachmentKind.Pdf,
        [".docx"] = AttachmentKind.Docx,
        [".xlsx"] = AttachmentKind.Xlsx,
        [".pptx"] = AttachmentKind.Pptx,
        [".png"] = AttachmentKind.Png,
        [".jpg"] = AttachmentKind.Jpeg,
        [".jpeg"] = AttachmentKind.Jpeg,
        [".txt"] = AttachmentKind.Text,
        [".md"] = AttachmentKind.Markdown,
        [".markdown"] = AttachmentKind.Markdown,
    };

    public static AttachmentKind? KindOfExtension(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return Extensions.TryGetValue(Path.GetExtension(fileName), out var kind) ? kind : null;
    }

    /// <summary>The content type the server sends (never the one the browser claimed).</summary>
    public static string ContentType(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => "application/pdf",
        AttachmentKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        AttachmentKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        AttachmentKind.Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        AttachmentKind.Png => "image/png",
        AttachmentKind.Jpeg => "image/jpeg",
        AttachmentKind.Text => "text/plain; charset=utf-8",
        _ => "text/markdown; charset=utf-8",
    };

    public static AttachmentKind? KindOf(string? contentType)
    {
        foreach (var kind in Enum.GetValues<AttachmentKind>())
        {
            if (string.Equals(ContentType(kind), contentType, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>Images and PDFs may be previewed inline (in a sandboxed frame); everything else is download-only.</summary>
    public static bool CanPreviewInline(AttachmentKind kind) => kind is AttachmentKind.Pdf or AttachmentKind.Png or AttachmentKind.Jpeg;

    /// <summary>How a sentence names the kind: "a PDF document", "a PNG image"...</summary>
    public static string Describe(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => "a PDF document",
        AttachmentKind.Docx => "a Word document",
        AttachmentKind.Xlsx => "an Excel workbook",
        AttachmentKind.Pptx => "a PowerPoint presentation",
        AttachmentKind.Png => "a PNG image",
        AttachmentKind.Jpeg => "a JPEG image",
        _ => "plain text",
    };
}
