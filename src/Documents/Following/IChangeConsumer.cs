namespace KnowledgeHub.Documents.Following;

/// <summary>
/// A view derived from storage and kept in step by the node's one <see cref="ChangeFollower"/> (the search index,
/// and any catalog that needs to follow changes). Each consumer keeps its own checkpoint. The consumers of a round take
/// the same batch at the same time, so a round costs the slowest of them, not their sum.
/// </summary>
public interface IChangeConsumer
{
    /// <summary>A short name for logs, the ready check and the admin page ("search-index").</summary>
    string Name { get; }

    /// <summary>The change-log position up to which every change is applied; null when the view must be loaded whole first.</summary>
    ChangeLogPosition? Position { get; }

    /// <summary>
    /// Whether a write waits for this consumer before it answers (<see cref="ReadYourWrites"/>): true for what the writer
    /// reads back on the next page (the search index); false for work the writer never sees (sending notifications),
    /// which then costs the save nothing.
    /// </summary>
    bool WritesWaitForIt => true;

    /// <summary>
    /// Builds the view whole from storage (a rebuild) and sets <see cref="Position"/> to the end of the log as it was
    /// before reading — or to an earlier position the view is known to be complete at (the glossary loads from the
    /// search index and takes its checkpoint; the follower then feeds the changes after it). Called by the follower, in
    /// the background, whenever <see cref="Position"/> is null.
    /// </summary>
    Task LoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applies the changes read from the log after some position at or before <see cref="Position"/> (applying a change
    /// twice is harmless) and moves <see cref="Position"/> to <see cref="ChangeBatch.Position"/>. A document the view
    /// cannot take must not stop it: the consumer takes what it can and lists the rest. Throws only for failures worth
    /// retrying the batch (storage unreachable), which the follower does on its next round.
    /// </summary>
    Task ApplyAsync(ChangeBatch batch, CancellationToken cancellationToken);
}
