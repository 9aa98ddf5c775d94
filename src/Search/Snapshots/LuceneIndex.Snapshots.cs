using KnowledgeHub.Documents;
using Lucene.Net.Index;

namespace KnowledgeHub.Search;

/// <summary>
/// Snapshots of the index (see <c>Snapshots/</c>): a commit point whose files the writer keeps until it is released
/// (the writer's <see cref="SnapshotDeletionPolicy"/>), and restoring the whole index from a downloaded one.
/// </summary>
public sealed partial class LuceneIndex
{
    /// <summary>
    /// Holds the last commit (its files stay on disk until <see cref="ReleaseSnapshot"/>); null when nothing is committed
    /// under a checkpoint yet, or the writer was not opened with a snapshot policy.
    /// </summary>
    public IndexCommit? TakeSnapshot()
    {
        if (Checkpoint is null || writer.Config.IndexDeletionPolicy is not SnapshotDeletionPolicy policy)
        {
            return null;
        }

        try
        {
            return policy.Snapshot();
        }
        catch (InvalidOperationException)
        {
            // No commit yet.
            return null;
        }
    }

    /// <summary>Lets the writer delete the snapshot's files once no commit needs them.</summary>
    public void ReleaseSnapshot(IndexCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (writer.Config.IndexDeletionPolicy is SnapshotDeletionPolicy policy)
        {
            policy.Release(commit);
            writer.DeleteUnusedFiles();
        }
    }

    /// <summary>The change-log checkpoint and schema stored with a commit (null when it has none).</summary>
    public static (ChangeLogPosition? Checkpoint, string? Schema) CommitData(IndexCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var data = commit.UserData;
        return (data.TryGetValue(CheckpointKey, out var position) ? new ChangeLogPosition(position) : null,
            data.TryGetValue(SchemaKey, out var schema) ? schema : null);
    }

    /// <summary>
    /// Replaces every entry with the segments of <paramref name="source"/> (a downloaded snapshot; its files are copied,
    /// nothing is analysed again) and commits them under <paramref name="position"/>.
    /// </summary>
    public void RestoreFrom(Lucene.Net.Store.Directory source, ChangeLogPosition position)
    {
        ArgumentNullException.ThrowIfNull(source);
        // DeleteAll forgets the checkpoint first: if adding fails, the index still needs a rebuild (nothing half is committed).
        DeleteAll();
        writer.AddIndexes(source);
        Commit(position);
    }
}
