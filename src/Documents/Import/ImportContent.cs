using KnowledgeHub.Storage;

namespace KnowledgeHub.Documents.Import;

/// <summary>Stores a file's bytes where attachments keep theirs (<c>files/{sha256}</c>, create-only), before its document exists.</summary>
public static class ImportContent
{
    /// <summary>An unreferenced content blob is harmless (as after a lost upload race); attaching the file later reuses it.</summary>
    public static async Task StoreAsync(IBlobStore store, string sha256, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256);
        try
        {
            await store.WriteAsync(DocumentLayout.File(sha256), content, WriteCondition.IfNotExists, cancellationToken);
        }
        catch (BlobConditionFailedException)
        {
            // Stored already (content-addressed): the same bytes.
        }
    }
}
