using System.Text.Json;
using KnowledgeHub.Documents;
using KnowledgeHub.Storage;

namespace KnowledgeHub.Search.Extraction;

/// <summary>
/// The text of a stored attachment, extracted once per content: results are kept at
/// <c>extracted/{sha256}.json</c>, create-only, like the content they come from. Failures of the file (damaged,
/// hostile, over the time limit) are kept too, so a hostile file is not retried on every rebuild (delete the
/// blob to retry); failures of the installation (<see cref="ExtractionResult.Retryable"/>) are not.
/// For the indexer: no access check here — the index trims hits by the document's readers.
/// </summary>
public sealed class AttachmentTextSource(IBlobStore store, AttachmentService attachments, AttachmentTextExtractor extractor)
{
    public const string Prefix = "extracted/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ExtractionResult> GetTextAsync(AttachmentInfo attachment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var name = Prefix + attachment.Sha256 + ".json";
        if (await store.ReadAsync(name, cancellationToken) is { } cached)
        {
            try
            {
                if (JsonSerializer.Deserialize<ExtractionResult>(cached.Content.Span, Json) is { } stored)
                {
                    return stored;
                }
            }
            catch (JsonException)
            {
                // A damaged cache entry is extracted again (and not rewritten: the blob is create-only).
            }
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

        try
        {
            await store.WriteAsync(name, JsonSerializer.SerializeToUtf8Bytes(result, Json), WriteCondition.IfNotExists, cancellationToken);
        }
        catch (BlobConditionFailedException)
        {
            // Extracted concurrently by another replica: same content, same text.
        }

        return result;
    }
}
