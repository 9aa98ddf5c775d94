using System.Text.Encodings.Web;
using System.Text.Json;

namespace KnowledgeHub.Documents;

/// <summary>JSON of manifests and log lines: camelCase, enums as strings (the enums carry their converters).</summary>
internal static class DocumentJson
{
    /// <summary>Blobs are data, never embedded in HTML, so Chinese is written as is rather than as \u escapes.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions Indented = new(Options)
    {
        WriteIndented = true,
    };

    public static byte[] SerializeManifest(DocumentManifest manifest) =>
        JsonSerializer.SerializeToUtf8Bytes(manifest, Indented);

    public static DocumentManifest DeserializeManifest(ReadOnlyMemory<byte> content, string blobName)
    {
        try
        {
            return JsonSerializer.Deserialize<DocumentManifest>(content.Span, Options)
                ?? throw new InvalidDataException($"The manifest '{blobName}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The manifest '{blobName}' is not valid JSON: {e.Message}", e);
        }
    }
}
