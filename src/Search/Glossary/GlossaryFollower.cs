using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Following;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Search.Glossary;

/// <summary>
/// Keeps <see cref="GlossaryState"/> in step with storage, fed by the node's change follower: a document of type
/// <see cref="TypeKey"/> counts with its last <em>published</em> version, while readers see it as Published, and only
/// when it is readable by every signed-in user (not Confidential or Restricted: every query and its "matched via" would
/// otherwise show its terms to people who may not read it). A draft or a version in review changes nothing.
/// </summary>
public sealed partial class GlossaryFollower(DocumentRepository repository, ChangeLog changeLog, GlossaryState state, ILogger<GlossaryFollower> logger) : IChangeConsumer
{
    /// <summary>The document type (template key) of a glossary.</summary>
    public const string TypeKey = "glossary";

    private ChangeLogPosition? position;

    public string Name => "glossary";

    public ChangeLogPosition? Position => position;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var end = await changeLog.EndAsync(cancellationToken);
        var loaded = new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>(StringComparer.Ordinal);
        await foreach (var manifest in repository.ListAsync(cancellationToken))
        {
            if (await GroupsOfAsync(manifest, cancellationToken) is { } groups)
            {
                loaded[manifest.Id] = groups;
            }
        }

        state.ReplaceAll(loaded);
        LogLoaded(logger, loaded.Count, state.Current.GroupCount);
        position = end;
    }

    public async Task ApplyAsync(ChangeBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var id in batch.Changes.Select(c => c.DocumentId).Distinct(StringComparer.Ordinal))
        {
            var manifest = await repository.GetManifestAsync(id, cancellationToken);
            var known = state.DocumentIds.Contains(id);
            if (manifest?.Type != TypeKey && !known)
            {
                continue;
            }

            var groups = manifest is null ? null : await GroupsOfAsync(manifest, cancellationToken);
            state.Set(id, groups);
            LogReloaded(logger, id, groups?.Count ?? 0, state.Current.GroupCount);
        }

        position = batch.Position;
    }

    private async Task<IReadOnlyList<IReadOnlyList<string>>?> GroupsOfAsync(DocumentManifest manifest, CancellationToken cancellationToken)
    {
        if (manifest.Type != TypeKey || manifest.PublishedVersion is not { } published
            || ReaderView.ReaderStatus(manifest) != DocumentStatus.Published || manifest.Confidentiality != Confidentiality.Internal)
        {
            return null;
        }

        try
        {
            var version = await repository.GetVersionOfAsync(manifest, published, cancellationToken);
            return version is null ? null : GlossaryParser.Parse(version.Markdown);
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            LogUnreadable(logger, manifest.Id, exception);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Glossary loaded: {Documents} published glossaries, {Groups} term groups")]
    private static partial void LogLoaded(ILogger logger, int documents, int groups);

    [LoggerMessage(Level = LogLevel.Information, Message = "Glossary {DocumentId} reloaded: {DocumentGroups} term groups of {Groups} in all")]
    private static partial void LogReloaded(ILogger logger, string documentId, int documentGroups, int groups);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Glossary {DocumentId} could not be read; its terms are left out")]
    private static partial void LogUnreadable(ILogger logger, string documentId, Exception exception);
}
