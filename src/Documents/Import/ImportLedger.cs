using System.Text.Json;
using KnowledgeHub.Storage;

namespace KnowledgeHub.Documents.Import;

/// <summary>One imported file: which document it became.</summary>
public sealed record LedgerEntry(string Sha256, string DocumentId, string Path, DateTimeOffset ImportedUtc);

/// <summary>
/// What was imported already, by content hash: <c>imports/ledger/{sha256}.json</c>, written create-only once the
/// document and its attachments are stored. A file whose hash is here (and whose document still exists) is skipped,
/// so a batch run again — after a failure, or twice — imports each file once.
/// </summary>
public sealed class ImportLedger(IBlobStore store)
{
    public const string Prefix = "imports/ledger/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<LedgerEntry?> FindAsync(string sha256, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256);
        if (await store.ReadAsync(Prefix + sha256 + ".json", cancellationToken) is not { } blob)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<LedgerEntry>(blob.Content.Span, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task RecordAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            await store.WriteAsync(Prefix + entry.Sha256 + ".json", JsonSerializer.SerializeToUtf8Bytes(entry, Json), WriteCondition.None, cancellationToken);
        }
        catch (BlobConditionFailedException)
        {
            // Recorded concurrently: the same file imported twice at once; the first entry stands.
        }
    }
}
