using System.Text.Json;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Documents;

public sealed partial class DocumentRepository
{
    /// <summary>
    /// The action items and lessons of committed version <paramref name="number"/>, or null when there is no
    /// such version. Read from the version's sidecar; a missing or outdated sidecar is parsed again and stored.
    /// </summary>
    public async Task<VersionStructure?> GetStructureAsync(string id, int number, CancellationToken cancellationToken)
    {
        if (await GetVersionAsync(id, number, cancellationToken) is not { } version)
        {
            return null;
        }

        if (await store.ReadAsync(DocumentLayout.Structure(id, number), cancellationToken) is { } blob)
        {
            try
            {
                if (JsonSerializer.Deserialize<VersionStructure>(blob.Content.Span, DocumentJson.Options) is { Schema: VersionStructure.CurrentSchema } stored)
                {
                    return stored;
                }
            }
            catch (JsonException e)
            {
                LogUnreadableStructure(e, id, number);
            }

            return VersionStructure.Of(version);
        }

        var structure = VersionStructure.Of(version);
        await WriteStructureAsync(structure, cancellationToken);
        return structure;
    }

    /// <summary>After the commit point the sidecar is best effort: <see cref="GetStructureAsync"/> repairs a missing one.</summary>
    private async Task WriteStructureAfterCommitAsync(DocumentVersion version)
    {
        try
        {
            await WriteStructureAsync(VersionStructure.Of(version), CancellationToken.None);
        }
        catch (Exception e)
        {
            LogStructureNotWritten(e, version.DocumentId, version.Number);
        }
    }

    private async Task WriteStructureAsync(VersionStructure structure, CancellationToken cancellationToken)
    {
        try
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(structure, DocumentJson.Options);
            await store.WriteAsync(DocumentLayout.Structure(structure.DocumentId, structure.Version), json, WriteCondition.IfNotExists, cancellationToken);
        }
        catch (BlobConditionFailedException)
        {
            // Written by a concurrent reader or by the save itself: the same immutable version gives the same content.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId} version {Version} is committed but its action items and lessons were not stored; they are parsed again when read")]
    private partial void LogStructureNotWritten(Exception exception, string documentId, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored action items and lessons of document {DocumentId} version {Version} cannot be read; parsing the version again")]
    private partial void LogUnreadableStructure(Exception exception, string documentId, int version);
}
