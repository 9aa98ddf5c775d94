using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeHub.Search;

/// <summary>
/// Healthy when the index has a checkpoint and the follower's last round succeeded (data: documents,
/// checkpoint, how the index was opened); Degraded while it is rebuilt or when following fails.
/// </summary>
public sealed class SearchIndexHealthCheck(LuceneIndex index, IndexSynchronizer synchronizer, IndexFollower follower) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var documents = index.DocumentCount;
        var data = new Dictionary<string, object>
        {
            ["documents"] = documents,
            ["checkpoint"] = index.Checkpoint?.Value ?? "(none)",
            ["opened"] = index.OpenState.ToString(),
            ["path"] = index.Path,
        };
        var result = (index.Checkpoint, synchronizer.IsRebuilding, follower.LastFailure) switch
        {
            (_, true, _) => HealthCheckResult.Degraded("The search index is being rebuilt from storage.", data: data),
            (null, _, _) => HealthCheckResult.Degraded("The search index has not been built yet.", data: data),
            (_, _, { } failure) => HealthCheckResult.Degraded($"The search index is not following the change log: {failure}", data: data),
            _ => HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"{documents} documents indexed."), data),
        };
        return Task.FromResult(result);
    }
}
