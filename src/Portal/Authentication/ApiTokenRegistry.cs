using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace KnowledgeHub.Portal.Authentication;

/// <summary>One API token as its owner sees it on the token page (never the token itself).</summary>
public sealed record ApiTokenRecord(string Id, DateTimeOffset CreatedUtc, DateTimeOffset ExpiresUtc, DateTimeOffset? RevokedUtc)
{
    public bool IsActive(DateTimeOffset now) => RevokedUtc is null && ExpiresUtc > now;
}

/// <summary>A user's tokens, and the moment before which every bearer token of theirs is refused (set at sign-out).</summary>
public sealed record ApiTokenList(IReadOnlyList<ApiTokenRecord> Tokens, DateTimeOffset? RevokedBeforeUtc)
{
    public static ApiTokenList Empty { get; } = new([], null);
}

/// <summary>
/// The API tokens of each user, kept in the blob store (<c>tokens/{oid}.json</c>, replaced with <c>If-Match</c> on its
/// ETag) so every node sees the same list and the same revocations. Reads are cached for <see cref="CacheFor"/>: a
/// revocation on this node holds at once, on the other nodes within that time. Local tokens are valid only while
/// listed here and not revoked; any bearer token (Entra ID's too) issued before the user's last sign-out is refused.
/// </summary>
public sealed class ApiTokenRegistry(IBlobStore store, TimeProvider time) : IDisposable
{
    public const string Prefix = "tokens/";

    /// <summary>At most this many tokens are kept per user; creating one more drops the oldest.</summary>
    public const int MaxTokens = 50;

    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public async Task<ApiTokenList> GetAsync(string objectId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(objectId);
        if (cache.TryGetValue(objectId, out ApiTokenList? cached) && cached is not null)
        {
            return cached;
        }

        var blob = await store.ReadAsync(BlobName(objectId), cancellationToken);
        var list = Parse(blob);
        Remember(objectId, list);
        return list;
    }

    /// <summary>True when a token of <paramref name="objectId"/> issued at <paramref name="issuedUtc"/> may still be used.</summary>
    public async Task<bool> AcceptsAsync(string objectId, string? tokenId, DateTimeOffset? issuedUtc, bool mustBeListed, CancellationToken cancellationToken)
    {
        var list = await GetAsync(objectId, cancellationToken);
        // iat has whole seconds: a token of the second the user signed out in is judged by its listing (local) alone.
        if (list.RevokedBeforeUtc is { } cutoff
            && (issuedUtc is null || issuedUtc < new DateTimeOffset(cutoff.UtcTicks - (cutoff.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero)))
        {
            return false;
        }

        if (!mustBeListed)
        {
            return true;
        }

        var now = time.GetUtcNow();
        return tokenId is not null && list.Tokens.Any(t => t.Id == tokenId && t.IsActive(now));
    }

    public Task AddAsync(string objectId, ApiTokenRecord token, CancellationToken cancellationToken) =>
        UpdateAsync(objectId, list => list with { Tokens = [.. list.Tokens.Append(token).TakeLast(MaxTokens)] }, cancellationToken);

    /// <summary>
    /// Revokes one token; false when the user has no such token. An id the user has no token by, or a token already
    /// revoked, writes nothing: a wrong id is not a reason to rewrite the list (and race other requests for it).
    /// </summary>
    public async Task<bool> RevokeAsync(string objectId, string tokenId, CancellationToken cancellationToken)
    {
        var found = false;
        var now = time.GetUtcNow();
        await UpdateAsync(
            objectId,
            list =>
            {
                found = list.Tokens.Any(t => t.Id == tokenId);
                return list.Tokens.Any(t => t.Id == tokenId && t.RevokedUtc is null)
                    ? list with { Tokens = [.. list.Tokens.Select(t => t.Id == tokenId && t.RevokedUtc is null ? t with { RevokedUtc = now } : t)] }
                    : null;
            },
            cancellationToken);
        return found;
    }

    /// <summary>Revokes every token of the user, and refuses any bearer token issued before now (sign-out).</summary>
    public Task RevokeAllAsync(string objectId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return UpdateAsync(
            objectId,
            list => new ApiTokenList([.. list.Tokens.Select(t => t.RevokedUtc is null ? t with { RevokedUtc = now } : t)], now),
            cancellationToken);
    }

    public void Dispose() => cache.Dispose();

    /// <summary>The blob of a user's tokens; an oid that is not a plain id is hashed, so it can never name another path.</summary>
    public static string BlobName(string objectId)
    {
        ArgumentException.ThrowIfNullOrEmpty(objectId);
        var plain = objectId.Length <= 64 && objectId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
        return Prefix + (plain ? objectId.ToLowerInvariant() : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(objectId)))) + ".json";
    }

    /// <summary>Reads the user's list, applies <paramref name="change"/> and writes it back if nothing changed it meanwhile; a change that returns null writes nothing.</summary>
    private async Task UpdateAsync(string objectId, Func<ApiTokenList, ApiTokenList?> change, CancellationToken cancellationToken)
    {
        var name = BlobName(objectId);
        for (var attempt = 0; ; attempt++)
        {
            var blob = await store.ReadAsync(name, cancellationToken);
            var current = Parse(blob);
            if (change(current) is not { } changed)
            {
                Remember(objectId, current); // what the store holds now, as a write would have left it
                return;
            }

            var next = Prune(changed);
            var condition = blob is null ? WriteCondition.IfNotExists : WriteCondition.IfMatchETag(blob.ETag);
            try
            {
                await store.WriteAsync(name, JsonSerializer.SerializeToUtf8Bytes(next, Json), condition, cancellationToken);
                Remember(objectId, next);
                return;
            }
            catch (BlobConditionFailedException) when (attempt < 20)
            {
                // Another request or node changed the list between our read and write: read it again and redo the change,
                // after a short random wait — without it, a few requests of one user racing in a tight loop could all
                // lose 20 times (seen once as a 500 from the token page under the hostile-input test's parallel posts).
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 << Math.Min(attempt, 4))), cancellationToken);
            }
        }
    }

    /// <summary>Tokens expired for more than a day are forgotten; the list stays small.</summary>
    private ApiTokenList Prune(ApiTokenList list)
    {
        var horizon = time.GetUtcNow().AddDays(-1);
        return list with { Tokens = [.. list.Tokens.Where(t => t.ExpiresUtc > horizon)] };
    }

    private void Remember(string objectId, ApiTokenList list) =>
        cache.Set(objectId, list, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = CacheFor });

    private static ApiTokenList Parse(BlobContent? blob)
    {
        if (blob is null)
        {
            return ApiTokenList.Empty;
        }

        try
        {
            return JsonSerializer.Deserialize<ApiTokenList>(blob.Content.Span, Json) ?? ApiTokenList.Empty;
        }
        catch (JsonException)
        {
            // A damaged list lists no token, so no local token is accepted until the list is rewritten (fail closed).
            return ApiTokenList.Empty;
        }
    }
}
