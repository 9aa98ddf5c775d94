using System.Text.Json.Serialization;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeHub.Documents;

[JsonConverter(typeof(JsonStringEnumConverter<ReviewDecision>))]
public enum ReviewDecision
{
    Submit,
    Approve,
    RequestChanges,
    Archive,
    Restore,
}

/// <summary>
/// One workflow step on a version: who (<see cref="By"/>: the reviewer, or the author for Submit), what,
/// the comment, and when (UTC). <see cref="Reviewers"/> is set on Submit: who was asked.
/// </summary>
public sealed record ReviewEntry(int Version, string By, string ByName, ReviewDecision Decision, string Comment, DateTimeOffset Utc)
{
    public IReadOnlyList<string>? Reviewers { get; init; }
}

/// <summary>
/// The review trail of a document, <c>docs/{id}/reviews.jsonl</c>: append-only JSON lines of
/// <see cref="ReviewEntry"/>, each naming its version, so comments stay with the version they were made on.
/// The manifest's <see cref="DocumentManifest.LastReview"/> repeats the newest entry for the home-page queries.
/// </summary>
public sealed class ReviewLog(IBlobStore store, ILogger<ReviewLog>? logger = null)
{
    private readonly ILogger logger = logger ?? NullLogger<ReviewLog>.Instance;

    public Task AppendAsync(string documentId, ReviewEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!DocumentIds.IsValid(documentId))
        {
            throw new ArgumentException($"'{documentId}' is not a valid document id.", nameof(documentId));
        }

        return store.AppendAsync(DocumentLayout.Reviews(documentId), JsonLines.Line(entry), cancellationToken);
    }

    /// <summary>All entries of a document, oldest first; empty for an unknown or malformed id.</summary>
    public async Task<IReadOnlyList<ReviewEntry>> ReadAsync(string documentId, CancellationToken cancellationToken)
    {
        if (!DocumentIds.IsValid(documentId) || await store.ReadAsync(DocumentLayout.Reviews(documentId), cancellationToken) is not { } blob)
        {
            return [];
        }

        var (entries, _) = JsonLines.ReadWhole<ReviewEntry>(blob.Content.Span, 0, line =>
            logger.LogWarning("Skipped an unreadable review line of {Length} characters of document {DocumentId}", line.Length, documentId));
        return entries;
    }
}
