using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace KnowledgeHub.Portal.Notifications;

/// <summary>A user's in-app notifications, newest first, and how many arrived since they last opened the list.</summary>
public sealed record InboxPage(IReadOnlyList<Notification> Items, int Unread, DateTimeOffset? ReadUpTo);

/// <summary>
/// In-app notifications, per user in the blob store: <c>notifications/inbox/{user}.jsonl</c> (append-only JSON lines)
/// and <c>notifications/inbox/{user}.read.json</c> (when the user last opened the list). The unread count the bell shows
/// is kept in memory for a short while, so a page view costs no storage call most of the time.
/// </summary>
public sealed partial class Inbox(IBlobStore store, IMemoryCache cache, ILogger<Inbox> logger)
{
    public const string Prefix = "notifications/inbox/";
    public const int MaxShown = 100;
    private static readonly TimeSpan CountLifetime = TimeSpan.FromSeconds(20);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task AddAsync(string userObjectId, Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var line = JsonSerializer.SerializeToUtf8Bytes(notification, Json);
        byte[] entry = [.. line, (byte)'\n'];
        await store.AppendAsync(Name(userObjectId) + ".jsonl", entry, cancellationToken);
        cache.Remove(CountKey(userObjectId));
    }

    public async Task<InboxPage> ReadAsync(string userObjectId, CancellationToken cancellationToken)
    {
        var items = await ItemsAsync(userObjectId, cancellationToken);
        var readUpTo = await ReadUpToAsync(userObjectId, cancellationToken);
        return new InboxPage(items.Take(MaxShown).ToList(), items.Count(i => readUpTo is null || i.Utc > readUpTo), readUpTo);
    }

    /// <summary>How many notifications the user has not seen (cached for a few seconds).</summary>
    public async Task<int> UnreadAsync(string userObjectId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(CountKey(userObjectId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CountLifetime;
            return (await ReadAsync(userObjectId, cancellationToken)).Unread;
        });

    /// <summary>
    /// <see cref="UnreadAsync"/>, or null while storage is unreachable: the bell is on every page, the outage page
    /// included, and must not turn a 503 page into an empty answer.
    /// </summary>
    public async Task<int?> UnreadUnlessOutageAsync(string userObjectId, CancellationToken cancellationToken)
    {
        try
        {
            return await UnreadAsync(userObjectId, cancellationToken);
        }
        catch (Exception e) when (KnowledgeHub.Portal.Outage.StorageFaults.IsStorageOutage(e))
        {
            return null;
        }
    }

    /// <summary>Everything up to <paramref name="utc"/> counts as seen.</summary>
    public async Task MarkReadAsync(string userObjectId, DateTimeOffset utc, CancellationToken cancellationToken)
    {
        await store.WriteAsync(Name(userObjectId) + ".read.json", JsonSerializer.SerializeToUtf8Bytes(new ReadMark(utc), Json), WriteCondition.None, cancellationToken);
        cache.Remove(CountKey(userObjectId));
    }

    private async Task<List<Notification>> ItemsAsync(string userObjectId, CancellationToken cancellationToken)
    {
        var items = new List<Notification>();
        if (await store.ReadAsync(Name(userObjectId) + ".jsonl", cancellationToken) is not { } blob)
        {
            return items;
        }

        foreach (var line in Encoding.UTF8.GetString(blob.Content.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                if (JsonSerializer.Deserialize<Notification>(line, Json) is { } item)
                {
                    items.Add(item);
                }
            }
            catch (JsonException)
            {
                LogUnreadable(logger, userObjectId);
            }
        }

        items.Reverse();
        return items;
    }

    private async Task<DateTimeOffset?> ReadUpToAsync(string userObjectId, CancellationToken cancellationToken)
    {
        if (await store.ReadAsync(Name(userObjectId) + ".read.json", cancellationToken) is not { } blob)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ReadMark>(blob.Content.Span, Json)?.Utc;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A GUID object id as itself (lower case); anything else hashed, so no id can name another blob.</summary>
    private static string Name(string userObjectId) =>
        Prefix + (Guid.TryParse(userObjectId, out var id)
            ? id.ToString("D")
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userObjectId))));

    private static (string, string) CountKey(string userObjectId) => ("inbox-unread", Name(userObjectId));

    private sealed record ReadMark(DateTimeOffset Utc);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Warning, Message = "Skipped an unreadable notification line of user {ObjectId}")]
    private static partial void LogUnreadable(ILogger logger, string objectId);
}
