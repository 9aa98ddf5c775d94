using System.Globalization;
using System.Text.Json;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Notifications;

/// <summary>One e-mail waiting in the outbox: what to send, how often it was tried, when next, and which node holds it now.</summary>
public sealed record OutboxMail(
    string ToName,
    string ToAddress,
    MailContent Content,
    DateTimeOffset CreatedUtc,
    int Attempts,
    DateTimeOffset NextUtc,
    string? Holder = null,
    DateTimeOffset? HeldUntilUtc = null);

/// <summary>
/// E-mail that is not lost when the SMTP server is down or busy: each message is written to
/// <c>notifications/outbox/{key}.json</c> before it is sent and deleted once the server took it. A failed send stays
/// there with the next attempt's time (backing off from <see cref="NotificationOptions.MailRetryFirstDelay"/>, doubling up
/// to <see cref="NotificationOptions.MailRetryMaxDelay"/>), and <see cref="MailRetryService"/> tries again; after
/// <see cref="NotificationOptions.MailMaxAttempts"/> it moves to <c>notifications/undeliverable/</c> and is logged. A node
/// sends a message only while it holds it (a lease written with <c>If-Match</c>), so two nodes never send it at once.
/// Delivery is at least once: a node that dies between the server's answer and the delete sends it again.
/// </summary>
public sealed partial class MailOutbox(
    MailSender mail, IBlobStore store, IOptions<NotificationOptions> options, TimeProvider time, ILogger<MailOutbox> logger)
{
    public const string Prefix = "notifications/outbox/";
    public const string UndeliverablePrefix = "notifications/undeliverable/";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string node = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>
    /// Queues the message under <paramref name="key"/> (a name made of safe characters, unique per message) and tries it
    /// at once; true when the server took it now. False when SMTP is off, the key was queued before, or it will be retried.
    /// </summary>
    public async Task<bool> SendAsync(string key, string toName, string toAddress, MailContent content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (!mail.Enabled)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var entry = new OutboxMail(toName, toAddress, content, now, 0, now, node, now + options.Value.MailLease);
        string etag;
        try
        {
            etag = await store.WriteAsync(Name(key), Serialize(entry), WriteCondition.IfNotExists, cancellationToken);
        }
        catch (BlobConditionFailedException)
        {
            return false; // queued before: the retry service owns it
        }

        return await AttemptAsync(Name(key), entry, etag, cancellationToken);
    }

    /// <summary>Tries every queued message whose time has come and that no other node holds; the number sent.</summary>
    public async Task<int> RetryDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        var names = new List<string>();
        await foreach (var item in store.ListAsync(Prefix, cancellationToken))
        {
            names.Add(item.Name);
        }

        foreach (var name in names)
        {
            if (await TakeAsync(name, cancellationToken) is ({ } entry, { } etag) && await AttemptAsync(name, entry, etag, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>The entry, held by this node from now on, when it is due and free; null otherwise.</summary>
    private async Task<(OutboxMail?, string?)> TakeAsync(string name, CancellationToken cancellationToken)
    {
        if (await store.ReadAsync(name, cancellationToken) is not { } blob)
        {
            return (null, null);
        }

        OutboxMail? entry;
        try
        {
            entry = JsonSerializer.Deserialize<OutboxMail>(blob.Content.Span, Json);
        }
        catch (JsonException error)
        {
            LogUnreadable(logger, name, error.Message);
            return (null, null);
        }

        var now = time.GetUtcNow();
        if (entry is null || entry.NextUtc > now || entry.HeldUntilUtc > now)
        {
            return (null, null);
        }

        var held = entry with { Holder = node, HeldUntilUtc = now + options.Value.MailLease };
        try
        {
            return (held, await store.WriteAsync(name, Serialize(held), WriteCondition.IfMatchETag(blob.ETag), cancellationToken));
        }
        catch (BlobConditionFailedException)
        {
            return (null, null); // another node took it first
        }
    }

    private async Task<bool> AttemptAsync(string name, OutboxMail entry, string etag, CancellationToken cancellationToken)
    {
        if (await mail.SendAsync(entry.ToName, entry.ToAddress, entry.Content.Subject, entry.Content.Text, entry.Content.Html, cancellationToken))
        {
            await store.DeleteAsync(name, cancellationToken);
            return true;
        }

        var settings = options.Value;
        var attempts = entry.Attempts + 1;
        if (attempts >= settings.MailMaxAttempts)
        {
            await store.WriteAsync(UndeliverablePrefix + name[Prefix.Length..], Serialize(entry with { Attempts = attempts, Holder = null, HeldUntilUtc = null }),
                WriteCondition.None, cancellationToken);
            await store.DeleteAsync(name, cancellationToken);
            LogGaveUp(logger, name, attempts);
            return false;
        }

        var delay = TimeSpan.FromTicks(Math.Min(settings.MailRetryMaxDelay.Ticks, settings.MailRetryFirstDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
        var next = entry with { Attempts = attempts, NextUtc = time.GetUtcNow() + delay, Holder = null, HeldUntilUtc = null };
        try
        {
            await store.WriteAsync(name, Serialize(next), WriteCondition.IfMatchETag(etag), cancellationToken);
            LogRetryLater(logger, name, attempts, next.NextUtc.ToString("O", CultureInfo.InvariantCulture));
        }
        catch (BlobConditionFailedException)
        {
            // Our hold ran out and another node took the message: it decides what happens next.
        }

        return false;
    }

    private static string Name(string key) => Prefix + key + ".json";

    private static byte[] Serialize(OutboxMail entry) => JsonSerializer.SerializeToUtf8Bytes(entry, Json);

    [LoggerMessage(EventId = 3307, Level = LogLevel.Information, Message = "E-mail {Name} not sent on attempt {Attempt}; next try at {NextUtc}")]
    private static partial void LogRetryLater(ILogger logger, string name, int attempt, string nextUtc);

    [LoggerMessage(EventId = 3308, Level = LogLevel.Error, Message = "E-mail {Name} given up after {Attempts} attempts; kept under notifications/undeliverable/")]
    private static partial void LogGaveUp(ILogger logger, string name, int attempts);

    [LoggerMessage(EventId = 3309, Level = LogLevel.Warning, Message = "Skipped the unreadable outbox entry {Name}: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string name, string reason);
}
