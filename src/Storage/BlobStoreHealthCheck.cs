using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeHub.Storage;

/// <summary>
/// Healthy when the blob store answers a read: the file store's root folder can be read, or the Azure
/// container can be listed (one name at most). It writes nothing and creates no file. The description is
/// a plain sentence for anyone; where and why go in <see cref="HealthCheckResult.Data"/>, for admins.
/// </summary>
public sealed class BlobStoreHealthCheck(IBlobStore observed) : IHealthCheck
{
    /// <summary>The backend itself: a wrapper may answer reads from memory, and this check is about storage.</summary>
    private readonly IBlobStore store = DecoratedBlobStore.Unwrap(observed);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["provider"] = Provider(),
            ["location"] = Location(),
        };
        try
        {
            await CheckReachableAsync(cancellationToken);
            return HealthCheckResult.Healthy("Storage is reachable.", data);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            data["error"] = $"{ex.GetType().Name}: {ex.Message}";
            return new HealthCheckResult(context.Registration.FailureStatus, "Storage is unreachable.", ex, data);
        }
    }

    private Task CheckReachableAsync(CancellationToken cancellationToken) => store switch
    {
        FileSystemBlobStore files => files.CheckReachableAsync(cancellationToken),
        AzureBlobStore azure => azure.CheckReachableAsync(cancellationToken),
        _ => FirstItemAsync(store, cancellationToken),
    };

    private static async Task FirstItemAsync(IBlobStore store, CancellationToken cancellationToken)
    {
        await foreach (var _ in store.ListAsync("", cancellationToken))
        {
            break;
        }
    }

    private string Provider() => store switch
    {
        FileSystemBlobStore => nameof(StorageProvider.FileSystem),
        AzureBlobStore => nameof(StorageProvider.AzureBlob),
        _ => store.GetType().Name,
    };

    private string Location() => store switch
    {
        FileSystemBlobStore files => files.RootPath,
        AzureBlobStore azure => azure.Container.Uri.ToString(),
        _ => "",
    };
}
