using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeHub.Benchmarks;

/// <summary>
/// The HTTP throughput keys of issue 9 (<c>http_search_rps_8c</c>, <c>http_search_p99_ms_32c</c>, <c>static_rps_8c</c> and
/// their kin) in <c>search.json</c>, beside the relevance, FTS5 and indexing keys the <c>search</c> run writes. They are
/// measured by <c>scale</c> — the real portal as its own process over 20,000 generated documents, the load generator, a
/// static file as the ceiling — which copies them into the <c>search.json</c> beside its own report, with
/// <c>throughput_*</c> keys naming the run; <c>search</c> keeps them when it writes the file again. A run of another size
/// leaves them as they are: the targets are for 20k.
/// </summary>
internal static class SearchJsonThroughput
{
    public const int Documents = 20_000;

    public static bool IsThroughputKey(string key) =>
        key.StartsWith("http_", StringComparison.Ordinal) || key.StartsWith("static_", StringComparison.Ordinal)
            || key.StartsWith("throughput_", StringComparison.Ordinal) || key == "search_to_static_rps_ratio";

    /// <summary>The <c>search.json</c> of the folder <paramref name="scaleJson"/> is in.</summary>
    public static string SearchJsonBeside(string scaleJson) => Path.Combine(Path.GetDirectoryName(scaleJson)!, "search.json");

    /// <summary>
    /// Writes <paramref name="scale"/>'s throughput keys into the <c>search.json</c> at <paramref name="path"/> (made when
    /// missing), replacing the ones a run before left there and keeping every other key.
    /// </summary>
    public static async Task CopyAsync(JsonObject scale, string commit, string path, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var target = await ReadAsync(path, cancellationToken) ?? [];
        foreach (var key in target.Select(p => p.Key).Where(IsThroughputKey).ToList())
        {
            target.Remove(key);
        }

        target["throughput_source"] = "scale";
        target["throughput_documents"] = scale["documents"]?.DeepClone();
        target["throughput_commit"] = commit;
        target["throughput_measured_utc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        foreach (var (key, value) in scale.Where(p => IsThroughputKey(p.Key)))
        {
            target[key] = value?.DeepClone();
        }

        await File.WriteAllTextAsync(path, target.ToJsonString(json) + "\n", cancellationToken);
    }

    /// <summary>Adds the throughput keys of the <c>search.json</c> already at <paramref name="path"/> to <paramref name="fresh"/>, which has none of its own.</summary>
    public static async Task KeepAsync(JsonObject fresh, string path, CancellationToken cancellationToken)
    {
        if (await ReadAsync(path, cancellationToken) is not { } existing)
        {
            return;
        }

        foreach (var (key, value) in existing.Where(p => IsThroughputKey(p.Key) && !fresh.ContainsKey(p.Key)))
        {
            fresh[key] = value?.DeepClone();
        }
    }

    private static async Task<JsonObject?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken)) as JsonObject;
        }
        catch (JsonException)
        {
            return null; // a file cut short by a run that stopped: written anew
        }
    }
}
