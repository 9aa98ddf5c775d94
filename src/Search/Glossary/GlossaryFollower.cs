using System.Collections.Concurrent;
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
/// <remarks>
/// At start it reads only the glossaries' manifests, found in the search index (<paramref name="index"/>), and takes
/// the changes after the index's checkpoint from the log; reading every manifest instead took 5.3 s of a start at 20k
/// documents. A joining node restores its index from a snapshot in the same seconds the glossary loads: the glossary
/// waits for the index up to <paramref name="indexWait"/> (<see cref="DefaultIndexWait"/>) and reads every manifest
/// only when the index is not built by then (a rebuild from storage, which takes longer) or there is no index.
/// </remarks>
public sealed partial class GlossaryFollower(
    DocumentRepository repository, ChangeLog changeLog, GlossaryState state, ILogger<GlossaryFollower> logger, LuceneIndex? index = null,
    TimeSpan? indexWait = null) : IChangeConsumer
{
    /// <summary>The document type (template key) of a glossary.</summary>
    public const string TypeKey = "glossary";

    /// <summary>
    /// How long the load waits for the index to be built: a snapshot restore at 20k documents puts a node in step within
    /// about 2 s; a node that rebuilds from storage is not ready for that long anyway, and its glossary is read whole.
    /// </summary>
    public static readonly TimeSpan DefaultIndexWait = TimeSpan.FromSeconds(30);

    private const int ReadsAtOnce = 16;

    private ChangeLogPosition? position;

    public string Name => "glossary";

    public ChangeLogPosition? Position => position;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var loaded = new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>(StringComparer.Ordinal);
        if (index is not null && index.NeedsRebuild)
        {
            var wait = indexWait ?? DefaultIndexWait;
            LogWaiting(logger, wait.TotalSeconds);
            await index.WaitUntilBuiltAsync(wait, cancellationToken);
        }

        if (index?.SearchAtCheckpoint(searcher => IndexedStamps.ReadOfType(searcher, TypeKey).Keys.ToList()) is { } indexed)
        {
            // A glossary created or changed after the checkpoint comes with the changes the follower feeds next. Read
            // ReadsAtOnce at a time, as the pass over every manifest does (one at a time is a round trip each on Azure).
            var found = new ConcurrentDictionary<string, IReadOnlyList<IReadOnlyList<string>>>(StringComparer.Ordinal);
            await Parallel.ForEachAsync(
                indexed.Result,
                new ParallelOptions { MaxDegreeOfParallelism = ReadsAtOnce, CancellationToken = cancellationToken },
                async (id, token) =>
                {
                    if (await repository.GetManifestAsync(id, token) is { } manifest && await GroupsOfAsync(manifest, token) is { } groups)
                    {
                        found[id] = groups;
                    }
                });
            Loaded(new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>(found, StringComparer.Ordinal), indexed.Checkpoint, fromIndex: true);
            return;
        }

        var end = await changeLog.EndAsync(cancellationToken);
        await foreach (var manifest in repository.ListAsync(cancellationToken))
        {
            if (await GroupsOfAsync(manifest, cancellationToken) is { } groups)
            {
                loaded[manifest.Id] = groups;
            }
        }

        Loaded(loaded, end, fromIndex: false);
    }

    private void Loaded(Dictionary<string, IReadOnlyList<IReadOnlyList<string>>> loaded, ChangeLogPosition? at, bool fromIndex)
    {
        state.ReplaceAll(loaded);
        LogLoaded(logger, loaded.Count, state.Current.GroupCount, fromIndex ? "the glossaries the search index names" : "every manifest");
        position = at;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Glossary loaded: {Documents} published glossaries, {Groups} term groups (read {Source})")]
    private static partial void LogLoaded(ILogger logger, int documents, int groups, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Glossary waits up to {Seconds:0} s for the search index to be built before it loads")]
    private static partial void LogWaiting(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Glossary {DocumentId} reloaded: {DocumentGroups} term groups of {Groups} in all")]
    private static partial void LogReloaded(ILogger logger, string documentId, int documentGroups, int groups);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Glossary {DocumentId} could not be read; its terms are left out")]
    private static partial void LogUnreadable(ILogger logger, string documentId, Exception exception);
}
