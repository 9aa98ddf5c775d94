using KnowledgeHub.Storage;

namespace KnowledgeHub.Documents;

/// <summary>Append-only audit records under <c>audit/</c> (UTC, principal, action, document, version, outcome).</summary>
public sealed class AuditLog(IBlobStore store, TimeProvider time)
{
    public Task RecordAsync(Caller caller, string action, string? documentId, int? version, string outcome, CancellationToken cancellationToken)
        => throw new NotImplementedException();

    public IAsyncEnumerable<AuditEntry> ReadAsync(DateOnly fromUtc, DateOnly toUtc, CancellationToken cancellationToken)
        => throw new NotImplementedException();
}

public sealed record AuditEntry(DateTimeOffset Utc, string Principal, string PrincipalName, string Action, string? DocumentId, int? Version, string Outcome);
