using KnowledgeHub.Documents;

namespace KnowledgeHub.Search;

/// <summary>The extracted plain text of one attachment of a document.</summary>
public sealed record AttachmentText(string FileName, string Text);

/// <summary>
/// Gives the synchronizer the attachment texts of a document when it indexes it. The default is
/// <see cref="NoAttachmentTexts"/>; an extractor replaces it with one registration
/// (<c>services.AddSingleton&lt;IAttachmentTextProvider, TheExtractor&gt;()</c>). A failure is logged and the
/// document is indexed without attachment text.
/// </summary>
public interface IAttachmentTextProvider
{
    Task<IReadOnlyList<AttachmentText>> GetTextsAsync(DocumentManifest manifest, CancellationToken cancellationToken);
}

/// <summary>No attachment text: documents are indexed with their Markdown only.</summary>
public sealed class NoAttachmentTexts : IAttachmentTextProvider
{
    public static NoAttachmentTexts Instance { get; } = new();

    public Task<IReadOnlyList<AttachmentText>> GetTextsAsync(DocumentManifest manifest, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AttachmentText>>([]);
}
