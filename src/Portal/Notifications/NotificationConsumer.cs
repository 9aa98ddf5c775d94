using System.Text.Json;
using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Following;
using KnowledgeHub.Storage;

namespace KnowledgeHub.Portal.Notifications;

/// <summary>
/// Follows the change log (an <see cref="IChangeConsumer"/> of the node's follower) and turns changes into notifications
/// (<see cref="NotificationEvents"/>), so they are sent from the log once per change, never from a request. Its
/// checkpoint is <c>notifications/checkpoint.json</c>; on first start it begins at the end of the log (no notifications
/// for history). Every node runs it; the dispatcher's create-only markers make one of them deliver each notification.
/// </summary>
public sealed partial class NotificationConsumer(
    ChangeLog changes, NotificationEvents events, IBlobStore store, ILogger<NotificationConsumer> logger) : IChangeConsumer
{
    public const string CheckpointBlob = "notifications/checkpoint.json";

    private volatile string? position;

    public string Name => "notifications";

    /// <summary>A save never waits for its notifications to be sent: they are nothing the writer reads back.</summary>
    public bool WritesWaitForIt => false;

    public ChangeLogPosition? Position => position is { } value ? new ChangeLogPosition(value) : null;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (await store.ReadAsync(CheckpointBlob, cancellationToken) is { } blob
            && JsonSerializer.Deserialize<Checkpoint>(blob.Content.Span) is { Position: { } saved })
        {
            position = saved;
            return;
        }

        position = (await changes.EndAsync(cancellationToken)).Value;
        await SaveAsync(cancellationToken);
    }

    public async Task ApplyAsync(ChangeBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var change in batch.Changes)
        {
            try
            {
                await events.HandleAsync(change, cancellationToken);
            }
            catch (Exception error) when (error is InvalidDataException or JsonException or ArgumentException or FormatException)
            {
                // One document's problem never stops the others' notifications.
                LogSkipped(logger, change.DocumentId, error.Message);
            }
        }

        position = batch.Position.Value;
        await SaveAsync(cancellationToken);
    }

    private async Task SaveAsync(CancellationToken cancellationToken) =>
        await store.WriteAsync(CheckpointBlob, JsonSerializer.SerializeToUtf8Bytes(new Checkpoint(position)), WriteCondition.None, cancellationToken);

    private sealed record Checkpoint(string? Position);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Warning, Message = "Notifications skipped a change of document {DocumentId}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string documentId, string reason);
}
