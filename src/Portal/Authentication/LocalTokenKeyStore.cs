using System.Security.Cryptography;
using System.Text;
using KnowledgeHub.Storage;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeHub.Portal.Authentication;

/// <summary>
/// The per-install HMAC key of local API tokens: 512 random bits created on first start and kept in the blob
/// store (<see cref="BlobName"/>), so every portal process over the same storage accepts the same tokens and a
/// restart does not sign everybody out of their scripts. Never configured, never in source.
/// </summary>
public sealed partial class LocalTokenKeyStore(IBlobStore store, ILogger<LocalTokenKeyStore> logger) : IHostedService, IDisposable
{
    public const string BlobName = "keys/local-api-token-signing.key";

    private const int KeyBytes = 64;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SymmetricSecurityKey? _key;

    /// <summary>The key once loaded (null only before start has finished: tokens are then refused).</summary>
    public SymmetricSecurityKey? Current => Volatile.Read(ref _key);

    public async Task<SymmetricSecurityKey> GetAsync(CancellationToken cancellationToken)
    {
        if (Current is { } loaded)
        {
            return loaded;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var key = Current ?? await LoadOrCreateAsync(cancellationToken);
            Volatile.Write(ref _key, key);
            return key;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => GetAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _gate.Dispose();

    private async Task<SymmetricSecurityKey> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        if (await store.ReadAsync(BlobName, cancellationToken) is { } existing)
        {
            return ToKey(existing.Content);
        }

        var fresh = Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)));
        try
        {
            await store.WriteAsync(BlobName, fresh, WriteCondition.IfNotExists, cancellationToken);
            LogCreated(logger, BlobName);
            return ToKey(fresh);
        }
        catch (BlobConditionFailedException)
        {
            // Another process created it first: use theirs.
            var theirs = await store.ReadAsync(BlobName, cancellationToken)
                ?? throw new InvalidOperationException($"The local token key '{BlobName}' vanished while it was being created.");
            return ToKey(theirs.Content);
        }
    }

    private static SymmetricSecurityKey ToKey(ReadOnlyMemory<byte> content)
    {
        var bytes = Convert.FromBase64String(Encoding.ASCII.GetString(content.Span).Trim());
        if (bytes.Length < 32)
        {
            throw new InvalidDataException($"The local token key '{BlobName}' is shorter than 256 bits; delete it to create a new one.");
        }

        return new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexString(SHA256.HashData(bytes))[..16] };
    }

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Created the signing key of local API tokens at {BlobName}.")]
    private static partial void LogCreated(ILogger logger, string blobName);
}
