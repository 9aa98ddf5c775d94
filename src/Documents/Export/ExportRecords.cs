namespace KnowledgeHub.Documents.Export;

/// <summary>What an export covers, as the manifest names it: a collection, a search, or the whole store.</summary>
public sealed record ExportScope(string Kind, string? Value)
{
    public static ExportScope Collection(string name) => new("collection", name);

    public static ExportScope Search(string query) => new("search", query);

    public static ExportScope Everything { get; } = new("all", null);
}

/// <summary>An attachment as the export manifest lists it.</summary>
public sealed record ExportedAttachment(string Name, string Path, string ContentType, long Size, string Sha256);

/// <summary>A document as the export manifest lists it.</summary>
public sealed record ExportedDocument(string Id, string Title, string Type, string Path, int Version, IReadOnlyList<ExportedAttachment> Attachments);

/// <summary>
/// <c>manifest.json</c> of an export zip: what it holds, and how many documents of the scope were left out because the
/// caller may not take them away (unreadable, or Restricted without a download grant) — counted, never named.
/// </summary>
public sealed record ExportManifest(
    string Format, DateTimeOffset ExportedUtc, string ExportedBy, ExportScope Scope, int Count, int LeftOut, IReadOnlyList<ExportedDocument> Documents);

/// <summary>The outcome of an export: how many documents went in, how many were left out.</summary>
public sealed record ExportSummary(int Count, int LeftOut);
