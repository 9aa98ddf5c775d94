using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Storage;

/// <summary>
/// Stops the app at start-up, with a sentence naming the setting, when the configured store cannot
/// take a write within <see cref="Timeout"/>. The probe blob is deleted again and leaves nothing
/// behind (no lock file, no folder). A file store's lock folder from earlier versions is removed.
/// </summary>
public sealed class StorageStartupCheck(IBlobStore store, IOptions<StorageOptions> options, ILogger<StorageStartupCheck> logger) : IHostedService
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await BlobStoreProbe.RunAsync(store, timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException(Unreachable(Reason(ex)), ex);
        }

        logger.LogInformation("Storage is ready: {Provider} at {Location}", options.Value.Provider, Location());
        if (DecoratedBlobStore.Unwrap(store) is FileSystemBlobStore files)
        {
            RemoveLegacyLocks(files);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void RemoveLegacyLocks(FileSystemBlobStore files)
    {
        try
        {
            if (files.RemoveLegacyLockFolder())
            {
                logger.LogInformation("Removed the lock files earlier versions left in {Root}/.locks", files.RootPath);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not remove the lock files earlier versions left in {Root}/.locks; they are unused and may be deleted", files.RootPath);
        }
    }

    private string Location() => DecoratedBlobStore.Unwrap(store) switch
    {
        FileSystemBlobStore files => files.RootPath,
        AzureBlobStore azure => azure.Container.Uri.ToString(),
        var other => other.GetType().Name,
    };

    private string Unreachable(string reason) => DecoratedBlobStore.Unwrap(store) switch
    {
        FileSystemBlobStore files =>
            $"Storage is unreachable: could not write to the folder '{files.RootPath}' set by Storage:FileSystem:RootPath ({reason}). Check the setting and that the app may write there.",
        AzureBlobStore azure when !string.IsNullOrWhiteSpace(options.Value.AzureBlob.ConnectionString) =>
            $"Storage is unreachable: could not open Azure Blob Storage at {azure.Container.Uri} (the account in Storage:AzureBlob:ConnectionString) ({reason}). Check the setting or start the storage emulator.",
        AzureBlobStore azure =>
            $"Storage is unreachable: could not open Azure Blob Storage at {azure.Container.Uri} (Storage:AzureBlob:ServiceUri) ({reason}). Check the setting and that the app's identity has the Storage Blob Data Contributor role.",
        _ => $"Storage is unreachable ({reason}). Check the Storage settings.",
    };

    private static string Reason(Exception ex) => ex switch
    {
        OperationCanceledException => $"no answer within {Timeout.TotalSeconds:0} s",
        RequestFailedException { Status: > 0 } failed => $"HTTP {failed.Status} {failed.ErrorCode}",
        AggregateException { InnerExceptions.Count: > 0 } many => FirstLine(many.InnerExceptions[^1].Message),
        _ => FirstLine(ex.Message),
    };

    private static string FirstLine(string message) => message.Split('\n')[0].Trim().TrimEnd('.');
}
