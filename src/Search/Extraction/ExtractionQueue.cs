using System.Collections.Concurrent;
using System.Threading.Channels;
using KnowledgeHub.Documents;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Search.Extraction;

/// <summary>
/// Extracts the text of attachments in the background, off every request and off the index follower: a bounded
/// queue of contents (by SHA-256, so one file referenced by many documents is extracted once) worked by
/// <see cref="ExtractionOptions.MaxConcurrency"/> workers. When a content's text — or a permanent failure — is
/// stored, each document that waited for it gets an <see cref="AttachmentTextChange.Kind"/> entry in the change log,
/// so the follower re-indexes it with the text. A restart loses nothing: each waiting document leaves a marker
/// (<see cref="ExtractionMarkers"/>) that the next start queues again, and a document indexed without a text it
/// should have is queued again anyway (<see cref="ExtractedAttachmentTexts"/>). A full queue drops with a log line
/// and never blocks the caller; the dropped documents are announced again (a change-log entry) once the queue has
/// drained, so they are queued again then.
/// </summary>
public sealed partial class ExtractionQueue : BackgroundService
{
    private readonly AttachmentTextSource source;
    private readonly ExtractionMarkers markers;
    private readonly ChangeLog changes;
    private readonly TimeProvider time;
    private readonly ILogger<ExtractionQueue> logger;
    private readonly ExtractionOptions settings;
    private readonly Channel<string> queue;
    private readonly ConcurrentDictionary<string, Waiting> pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> dropped = new(StringComparer.Ordinal);

    public ExtractionQueue(
        AttachmentTextSource source, ExtractionMarkers markers, ChangeLog changes, TimeProvider time, IOptions<ExtractionOptions> options, ILogger<ExtractionQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (this.source, this.markers, this.changes, this.time, this.logger, settings) = (source, markers, changes, time, logger, options.Value);
        queue = Channel.CreateBounded<string>(new BoundedChannelOptions(settings.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Attachments waiting or being extracted now.</summary>
    public int Pending => pending.Count;

    /// <summary>
    /// Queues the extraction of <paramref name="attachment"/> for document <paramref name="documentId"/> at
    /// <paramref name="version"/> and, the first time this document waits for it, keeps a marker so a restart
    /// queues it again; never waits for the queue. False when the queue is full (dropped, logged, and the marker kept).
    /// </summary>
    public async Task<bool> EnqueueAsync(AttachmentInfo attachment, string documentId, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        ArgumentNullException.ThrowIfNull(documentId);
        if (!IsWaiting(attachment.Sha256, documentId))
        {
            try
            {
                await markers.WriteAsync(new PendingExtraction(attachment, documentId, version), cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogMarkerFailed(documentId, exception);
            }
        }

        return Enqueue(attachment, documentId, version);
    }

    /// <summary>As <see cref="EnqueueAsync"/>, in memory only (no marker).</summary>
    public bool Enqueue(AttachmentInfo attachment, string documentId, int version)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        ArgumentNullException.ThrowIfNull(documentId);
        while (true)
        {
            var waiting = pending.GetOrAdd(attachment.Sha256, _ => new Waiting(attachment));
            lock (waiting)
            {
                if (waiting.Finished)
                {
                    continue; // taken off the queue just now: queue it again (the stored text makes that cheap)
                }

                waiting.Documents[documentId] = Math.Max(version, waiting.Documents.GetValueOrDefault(documentId));
                if (waiting.Queued)
                {
                    return true;
                }

                waiting.Queued = queue.Writer.TryWrite(attachment.Sha256);
                if (waiting.Queued)
                {
                    return true;
                }

                waiting.Finished = true;
                pending.TryRemove(new KeyValuePair<string, Waiting>(attachment.Sha256, waiting));
                if (dropped.Count < settings.QueueCapacity)
                {
                    dropped.TryAdd(documentId, version);
                }

                LogDropped(documentId, attachment.Sha256, settings.QueueCapacity);
                return false;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, settings.MaxConcurrency).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)).ToList();
        await RecoverAsync(stoppingToken);
        await Task.WhenAll(workers);
    }

    private bool IsWaiting(string sha, string documentId)
    {
        if (!pending.TryGetValue(sha, out var waiting))
        {
            return false;
        }

        lock (waiting)
        {
            return !waiting.Finished && waiting.Documents.ContainsKey(documentId);
        }
    }

    /// <summary>Queues again what an earlier run left pending (its markers).</summary>
    private async Task RecoverAsync(CancellationToken stoppingToken)
    {
        var count = 0;
        try
        {
            await foreach (var left in markers.ListAsync(stoppingToken))
            {
                Enqueue(left.Attachment, left.DocumentId, left.Version);
                count++;
            }
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            LogRecoveryFailed(exception);
        }

        if (count > 0)
        {
            LogRecovered(count);
        }
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var sha in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await ExtractAsync(sha, stoppingToken);
                if (queue.Reader.Count == 0 && !dropped.IsEmpty)
                {
                    await AnnounceDroppedAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown: what is still queued is queued again when its document is next indexed.
        }
    }

    private async Task ExtractAsync(string sha, CancellationToken stoppingToken)
    {
        if (!pending.TryGetValue(sha, out var waiting))
        {
            return;
        }

        ExtractionResult? result = null;
        try
        {
            result = await source.GetTextAsync(waiting.Attachment, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogExtractionFailed(sha, exception);
        }

        KeyValuePair<string, int>[] documents;
        lock (waiting)
        {
            waiting.Finished = true;
            pending.TryRemove(new KeyValuePair<string, Waiting>(sha, waiting));
            documents = [.. waiting.Documents];
        }

        stoppingToken.ThrowIfCancellationRequested();
        if (result is null || result.Retryable)
        {
            // Nothing stored: announcing it would only index the documents without the text again.
            return;
        }

        foreach (var (id, version) in documents)
        {
            if (await AnnounceAsync(id, version, stoppingToken))
            {
                await ForgetAsync(sha, id, stoppingToken);
            }
        }

        LogExtracted(sha, result.Succeeded, documents.Length);
    }

    private async Task AnnounceDroppedAsync(CancellationToken stoppingToken)
    {
        foreach (var id in dropped.Keys)
        {
            if (dropped.TryRemove(id, out var version))
            {
                await AnnounceAsync(id, version, stoppingToken);
            }
        }
    }

    private async Task<bool> AnnounceAsync(string id, int version, CancellationToken stoppingToken)
    {
        try
        {
            await changes.AppendAsync(new DocumentChange(id, version, AttachmentTextChange.Kind, time.GetUtcNow()), stoppingToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The text is stored and the marker kept: the next start announces it again.
            LogAnnounceFailed(id, exception);
            return false;
        }
    }

    private async Task ForgetAsync(string sha, string id, CancellationToken stoppingToken)
    {
        try
        {
            await markers.DeleteAsync(sha, id, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A marker left behind only announces the document once more after the next start.
            LogMarkerFailed(id, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The text extraction queue is full ({Capacity}); attachment {Sha256} of document {DocumentId} is dropped and queued again later")]
    private partial void LogDropped(string documentId, string sha256, int capacity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Extracting the text of attachment {Sha256} failed; it is tried again the next time its document is indexed")]
    private partial void LogExtractionFailed(string sha256, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The change-log entry announcing the attachment text of document {DocumentId} could not be written")]
    private partial void LogAnnounceFailed(string documentId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The pending-extraction marker of document {DocumentId} could not be written or deleted")]
    private partial void LogMarkerFailed(string documentId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The extractions an earlier run left pending could not be listed; their documents get their texts when next indexed")]
    private partial void LogRecoveryFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued again {Count} attachment extractions an earlier run left pending")]
    private partial void LogRecovered(int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Extracted attachment {Sha256} (succeeded: {Succeeded}); {DocumentCount} documents to re-index")]
    private partial void LogExtracted(string sha256, bool succeeded, int documentCount);

    /// <summary>One content waiting for extraction, and the documents (id → highest version) waiting for it.</summary>
    private sealed class Waiting(AttachmentInfo attachment)
    {
        public AttachmentInfo Attachment { get; } = attachment;

        public Dictionary<string, int> Documents { get; } = new(StringComparer.Ordinal);

        public bool Queued { get; set; }

        public bool Finished { get; set; }
    }
}
