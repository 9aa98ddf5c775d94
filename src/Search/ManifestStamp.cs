using System.Security.Cryptography;
using System.Text.Json;
using KnowledgeHub.Documents;

namespace KnowledgeHub.Search;

/// <summary>
/// The <see cref="SearchFields.Stamp"/> of a manifest: the SHA-256 (lower-case hex) of its JSON (camelCase, enums as
/// strings, as stored). Any change to a manifest — access lists, status, reader version, title, tags, attachments —
/// changes its stamp; the same manifest always gives the same stamp.
/// </summary>
internal static class ManifestStamp
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Of(DocumentManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(manifest, Json)));
    }
}
