using Azure.Core;
using Azure.Storage.Blobs;

namespace KnowledgeHub.Storage;

/// <summary>How the app talks to Azure Blob Storage.</summary>
public static class StorageClientOptions
{
    /// <summary>
    /// Pinned so the emulator (Azurite 3.37 accepts up to 2026-06-06) and the service agree.
    /// Retries are short: a dead endpoint fails within about 4 s (4 tries, 0.5 s doubling), and a
    /// silent one within 15 s per try, so start-up reports a wrong setting instead of hanging.
    /// </summary>
    public static BlobClientOptions Create() => new(BlobClientOptions.ServiceVersion.V2026_06_06)
    {
        Retry =
        {
            Mode = RetryMode.Exponential,
            MaxRetries = 3,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(4),
            NetworkTimeout = TimeSpan.FromSeconds(15),
        },
    };
}
