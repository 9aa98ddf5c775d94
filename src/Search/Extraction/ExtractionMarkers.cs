using System.Runtime.CompilerServices;
using System.Text.Json;
using KnowledgeHub.Documents;
using KnowledgeHub.Storage;

namespace KnowledgeHub.Search.Extraction;

/// <summary>
/// The durable side of the <see cref="ExtractionQueue"/>: one small blob per attachment and waiting document,
/// <c>extraction-queue/{sha256}/{documentId}.json</c>, written when the document starts waiting and deleted once it
/// has been announced. A process that dies mid-queue leaves them; the next start queues them again, so no text is lost
/// even for a document that is never indexed again. Listing costs what is pending, not the store.
/// </summary>
public sealed class ExtractionMarkers(IBlobStore store)
{
    public const string Prefix = "extraction-queue/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task WriteAsync(PendingExtraction pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        return store.WriteAsync(NameOf(pending.Attachment.Sha256, pending.DocumentId), JsonSerializer.SerializeToUtf8Bytes(pending, Json), WriteCondition.None, cancellationToken);
    }

    public Task DeleteAsync(string sha256, string documentId, CancellationToken cancellationToken) =>
        store.DeleteAsync(NameOf(sha256, documentId), cancellationToken);

    /// <summary>Every pending extraction left by an earlier run (unreadable markers are skipped).</summary>
    public async IAsyncEnumerable<PendingExtraction> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in store.ListAsync(Prefix, cancellationToken))
        {
            PendingExtraction? pending = null;
            try
            {
                if (await store.ReadAsync(item.Name, cancellationToken) is { } blob)
                {
                    pending = JsonSerializer.Deserialize<PendingExtraction>(blob.Content.Span, Json);
                }
            }
            catch (JsonException)
            {
                // A torn marker: its document gets the text the next time it is indexed.
            }

            if (pending?.Attachment is not null)
            {
                yield return pending;
            }
        }
    }

    private static string NameOf(string sha256, string documentId) => $"{Prefix}{sha256}/{documentId}.json";
}

/// <summary>An attachment whose text document <paramref name="DocumentId"/> (at <paramref name="Version"/>) waits for.</summary>
public sealed record PendingExtraction(AttachmentInfo Attachment, string DocumentId, int Version);
