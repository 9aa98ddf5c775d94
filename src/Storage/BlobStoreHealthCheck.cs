using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeHub.Storage;

/// <summary>Healthy when the blob store takes a write, returns it and deletes it.</summary>
public sealed class BlobStoreHealthCheck(IBlobStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await BlobStoreProbe.RunAsync(store, cancellationToken);
            return HealthCheckResult.Healthy("Storage wrote, read and deleted a probe blob.");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Storage is unreachable: {ex.Message}", ex);
        }
    }
}
