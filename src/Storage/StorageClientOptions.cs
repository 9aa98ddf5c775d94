using Azure.Core;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Storage;

/// <summary>How the app talks to Azure Blob Storage.</summary>
public static class StorageClientOptions
{
    /// <summary>
    /// Pinned so the emulator (Azurite 3.37 accepts up to 2026-06-06) and the service agree.
    /// Retries are short: a dead endpoint fails within about 4 s (4 tries, 0.5 s doubling), and a
    /// silent one within 15 s per try, so start-up reports a wrong setting instead of hanging.
    /// </summary>
    public static BlobClientOptions Create() => Create(null);

    /// <summary>
    /// As <see cref="Create()"/>, and with <paramref name="loggers"/> every try slower than
    /// <see cref="SlowRequestThreshold"/> is logged (category <c>KnowledgeHub.Storage.Azure</c>).
    /// </summary>
    public static BlobClientOptions Create(ILoggerFactory? loggers)
    {
        var options = CreateCore();
        if (loggers is not null)
        {
            options.AddPolicy(new SlowRequestPolicy(loggers.CreateLogger("KnowledgeHub.Storage.Azure"), SlowRequestThreshold), HttpPipelinePosition.PerRetry);
        }

        return options;
    }

    /// <summary>A storage try slower than this is logged as a warning.</summary>
    public static TimeSpan SlowRequestThreshold { get; } = TimeSpan.FromSeconds(2);

    private static BlobClientOptions CreateCore() => new(BlobClientOptions.ServiceVersion.V2026_06_06)
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
