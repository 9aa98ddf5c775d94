using System.Text.Json;
using KnowledgeHub.Documents;
using KnowledgeHub.Storage;

namespace KnowledgeHub.Search.Extraction;

/// <summary>
/// The text of a stored attachment, extracted once per content: results are kept at
/// <c>extracted/{sha256}.json</c>, create-only, like the content they come from. Failures of the file (damaged,
/// hostile, over the time limit) are kept too, so a hostile file is not retried on every rebuild (delete the
/// blob to retry); failures of the installation (<see cref="ExtractionResult.Retryable"/>) are not. The index only
/// reads stored results (<see cref="GetStoredAsync"/>); extracting is the <see cref="ExtractionQueue"/>'s job.
/// For the indexer: no access check here — the index trims hits by the document's readers.
/// </summary>
public sealed class AttachmentTextSource(IBlobStore store, AttachmentService attachments, AttachmentTextExtractor extractor)
{
    public const string Prefix = "extracted/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The stored result for this content, or null when it has not been extracted yet (or its stored result is unreadable).</summary>
    public async Task<ExtractionResult?> GetStoredAsync(AttachmentInfo attachment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return (await ReadStoredAsync(attachment, cancellationToken)).Result;
    }

    /// <summary>The stored result, else extracts it now (out of process, slow) and stores it — for the background queue, never for a request or the follower.</summary>
    public async Task<ExtractionResult> GetTextAsync(AttachmentInfo attachment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var (stored, damagedETag) = await ReadStoredAsync(attachment, cancellationToken);
        if (stored is not null)
        {
            return stored;
        }

        if (await attachments.ReadContentAsync(attachment, cancellationToken) is not { } content)
        {
            return ExtractionResult.Failure($"The content of '{attachment.Name}' is missing from storage.");
        }

        var result = await extractor.ExtractAsync(attachment, content, cancellationToken);
        if (result.Retryable)
        {
            return result;
        }

        // Create-only; an unreadable stored result is replaced (only that one: If-Match its ETag).
        var condition = damagedETag is null ? WriteCondition.IfNotExists : WriteCondition.IfMatchETag(damagedETag);
        try
        {
            await store.WriteAsync(NameOf(attachment), JsonSerializer.SerializeToUtf8Bytes(result, Json), condition, cancellationToken);
        }
        catch (BlobConditionFailedException)
        {
            // Extracted concurrently by another replica: same content, same text.
        }

        return result;
    }

    private static string NameOf(AttachmentInfo attachment) => Prefix + attachment.Sha256 + ".json";

    private async Task<(ExtractionResult? Result, string? DamagedETag)> ReadStoredAsync(AttachmentInfo attachment, CancellationToken cancellationToken)
    {
        if (await store.ReadAsync(NameOf(attachment), cancellationToken) is not { } cached)
        {
            return (null, null);
        }

        try
        {
            if (JsonSerializer.Deserialize<ExtractionResult>(cached.Content.Span, Json) is { } stored)
            {
                return (stored, null);
            }
        }
        catch (JsonException)
        {
            // Damaged: extracted again, and replaced.
        }

        return (null, cached.ETag);
    }
}
