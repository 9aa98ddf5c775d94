using System.Net.Sockets;
using Azure;
using Azure.Identity;
using KnowledgeHub.Storage;

namespace KnowledgeHub.Portal.Outage;

/// <summary>
/// Which exceptions mean "storage cannot be reached right now" (an outage: answer 503, serve reads from caches) rather
/// than a bug: the Azure SDK's network failures, timeouts, 5xx/408/429 answers and credential failures; the file store's
/// I/O and permission errors; and <see cref="StorageUnavailableException"/>. A failed write condition is never an outage.
/// </summary>
public static class StorageFaults
{
    private const string Marker = "KnowledgeHub.StorageOperation";

    /// <summary>True when <paramref name="exception"/> (or one it wraps) says storage is unreachable.</summary>
    public static bool IsOutage(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 8; depth++)
        {
            switch (exception)
            {
                case BlobConditionFailedException:
                    return false;
                case StorageUnavailableException:
                case SocketException:
                case HttpRequestException:
                case TimeoutException:
                case AuthenticationFailedException:
                case UnauthorizedAccessException:
                case IOException when exception is not (FileNotFoundException or DirectoryNotFoundException or EndOfStreamException):
                    return true;
                case RequestFailedException failed when failed.Status is 0 or 403 or 408 or 429 or >= 500:
                    return true;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(IsOutage);
            }

            exception = exception.InnerException;
        }

        return false;
    }

    /// <summary>True when the exception came out of a storage call (see <see cref="MarkStorage"/>) and is an outage.</summary>
    public static bool IsStorageOutage(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is StorageUnavailableException || (e.Data.Contains(Marker) && (IsOutage(e) || e is OperationCanceledException)))
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsStorageOutage))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Marks an exception as thrown by the storage call <paramref name="operation"/>.</summary>
    public static void MarkStorage(Exception exception, string operation)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (!exception.Data.IsReadOnly)
        {
            exception.Data[Marker] = operation;
        }
    }

    /// <summary>A short name of the failure for metrics and logs (never a message: those can carry endpoints and paths).</summary>
    public static string Kind(Exception exception) => exception switch
    {
        RequestFailedException failed => "http-" + failed.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => exception.GetType().Name,
    };
}

/// <summary>Storage is known to be unreachable and this call was not tried again yet (it is retried about every second).</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
        : base("Storage is unavailable; the call was not tried again yet.")
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
