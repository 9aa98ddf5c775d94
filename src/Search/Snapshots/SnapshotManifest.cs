using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnowledgeHub.Search.Snapshots;

/// <summary>
/// <c>snapshots/index/latest.json</c>: the newest published snapshot — a Lucene commit point's files under
/// <c>snapshots/index/{Id}/</c>, the change-log checkpoint that commit had applied, and the index schema it was built with.
/// </summary>
public sealed record SnapshotManifest(
    string Id, int Schema, string Checkpoint, DateTimeOffset CreatedUtc, int Documents, IReadOnlyList<SnapshotFile> Files)
{
    public const string Prefix = "snapshots/index/";
    public const string LatestBlob = Prefix + "latest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    [JsonIgnore]
    public long TotalBytes => Files.Sum(f => f.Size);

    public static string FileBlob(string id, string file) => $"{Prefix}{id}/{file}";

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static SnapshotManifest? Parse(ReadOnlyMemory<byte> content)
    {
        try
        {
            return JsonSerializer.Deserialize<SnapshotManifest>(content.Span, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One file of a snapshot: its Lucene name and size in bytes.</summary>
public sealed record SnapshotFile(string Name, long Size);

/// <summary>How far a restore has come, for the ready check and the log.</summary>
public sealed record SnapshotRestoreProgress(string SnapshotId, long BytesDone, long BytesTotal, DateTimeOffset StartedUtc);
