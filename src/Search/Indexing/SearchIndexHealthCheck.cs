using System.Globalization;
using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Following;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeHub.Search;

/// <summary>
/// The index part of the ready check, read-only and without I/O: Unhealthy while the index is being built (with the
/// rebuild's progress), Degraded while following the change log fails (searches still answer from the index),
/// Healthy otherwise. Data: documents, checkpoint, how the index was opened, the follower's last round and lag, rebuild
/// progress and the number of documents indexed degraded or skipped (the portal shows data to admins only).
/// </summary>
public sealed class SearchIndexHealthCheck(
    LuceneIndex index, IndexSynchronizer synchronizer, ChangeFollower follower, ChangeLog changeLog, IndexProblems problems, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = follower.State;
        var checkpoint = index.Checkpoint;
        var data = new Dictionary<string, object>
        {
            ["documents"] = index.DocumentCount,
            ["checkpoint"] = checkpoint?.Value ?? "(none)",
            ["opened"] = index.OpenState.ToString(),
            ["problems"] = problems.Count,
            ["behindLocalWrites"] = checkpoint is not { } reached || reached < changeLog.LastAppended,
        };
        if (state.LastRoundUtc is { } last)
        {
            data["lastRoundUtc"] = last.ToString("O", CultureInfo.InvariantCulture);
            data["secondsSinceLastRound"] = Math.Round((time.GetUtcNow() - last).TotalSeconds, 1);
        }

        if (follower.Timeline is { } timeline)
        {
            data["inStep"] = timeline;
        }

        if (state.Loading is { } loading)
        {
            data["loading"] = loading;
        }

        if (synchronizer.Rebuild is { } progress)
        {
            data["rebuildDone"] = progress.Done;
            data["rebuildTotal"] = progress.Total ?? -1;
        }

        var result = (checkpoint, synchronizer.Rebuild, state.LastFailure) switch
        {
            (_, { } rebuild, _) => HealthCheckResult.Unhealthy(
                string.Create(CultureInfo.InvariantCulture, $"The search index is being rebuilt from storage: {rebuild.Done} of {(rebuild.Total is { } total ? total.ToString(CultureInfo.InvariantCulture) : "?")} documents."), data: data),
            (null, _, _) => HealthCheckResult.Unhealthy("The search index has not been built yet.", data: data),
            (_, _, { } failure) => HealthCheckResult.Degraded($"The search index answers, but following the change log fails: {failure}", data: data),
            _ => HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"{data["documents"]} documents indexed."), data),
        };
        return Task.FromResult(result);
    }
}
