namespace KnowledgeHub.Documents;

/// <summary>
/// The outcome of <see cref="AttachmentService.AddAsync"/>. Refusals carry a sentence in <see cref="Message"/>;
/// nothing is stored for any of them. Suggested HTTP mapping: Added → 201/303, NotFound → 404, Forbidden → 403,
/// Invalid → 400, TooLarge → 413, UnsupportedType (wrong type, executable, zip bomb, damaged archive) → 415, Busy → 503.
/// </summary>
public abstract record AttachmentResult
{
    private AttachmentResult()
    {
    }

    public abstract string? Message { get; }

    public sealed record Added(AttachmentInfo Attachment, DocumentManifest Manifest) : AttachmentResult
    {
        public override string? Message => null;
    }

    public sealed record NotFound(string Id) : AttachmentResult
    {
        public override string Message => "The document does not exist or you may not see it.";
    }

    public sealed record Forbidden(string Reason) : AttachmentResult
    {
        public override string Message => Reason;
    }

    /// <summary>A bad file name, an empty file, or an upload that did not arrive whole.</summary>
    public sealed record Invalid(string Reason) : AttachmentResult
    {
        public override string Message => Reason;
    }

    public sealed record TooLarge(long MaxBytes) : AttachmentResult
    {
        public override string Message => $"The file is larger than the {FormatSize(MaxBytes)} allowed.";
    }

    public sealed record UnsupportedType(string Reason) : AttachmentResult
    {
        public override string Message => Reason;
    }

    /// <summary>The document's manifest changed under every retry (many uploads at once); nothing was listed. Try again.</summary>
    public sealed record Busy : AttachmentResult
    {
        public override string Message => "The document is being changed by many people at once and your file could not be added to it; try again in a moment.";
    }

    internal static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes} bytes";
}

/// <summary>A download: the manifest's entry (name, the server-decided content type) and the bytes.</summary>
public sealed record AttachmentContent(AttachmentInfo Info, ReadOnlyMemory<byte> Content)
{
    public string ContentType => Info.ContentType;

    /// <summary>A read-only stream over <see cref="Content"/> (no copy).</summary>
    public Stream OpenRead() =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(Content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(Content.ToArray(), writable: false);
}
