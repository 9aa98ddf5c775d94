using System.Net.Sockets;
using Azure;
using Azure.Identity;
using KnowledgeHub.Portal.Outage;
using KnowledgeHub.Storage;

namespace KnowledgeHub.Portal.Tests.Outage;

/// <summary>Which failures are an outage (503, served from caches) and which are not (a bug or an expected refusal).</summary>
public sealed class StorageFaultTests
{
    public static TheoryData<string, Exception, bool> Cases => new()
    {
        { "Azure: no connection (status 0)", new RequestFailedException(0, "Connection refused", new HttpRequestException("refused", new SocketException(111))), true },
        { "Azure: server busy", new RequestFailedException(503, "Server busy"), true },
        { "Azure: timeout", new RequestFailedException(408, "Timeout"), true },
        { "Azure: throttled", new RequestFailedException(429, "Too many requests"), true },
        { "Azure: authorization failed", new RequestFailedException(403, "AuthorizationFailure"), true },
        { "Azure: retries gave up", new AggregateException(new RequestFailedException(500, "a"), new RequestFailedException(500, "b")), true },
        { "managed identity unavailable", new AuthenticationFailedException("no identity endpoint"), true },
        { "file store: I/O error", new IOException("Input/output error", 5), true },
        { "file store: permission", new UnauthorizedAccessException("Access denied"), true },
        { "Azure: not found", new RequestFailedException(404, "BlobNotFound"), false },
        { "Azure: precondition", new RequestFailedException(412, "ConditionNotMet"), false },
        { "write condition", new BlobConditionFailedException("docs/x/manifest.json"), false },
        { "a bug", new InvalidOperationException("bug"), false },
        { "missing file", new FileNotFoundException("gone"), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_failure_is_an_outage_only_when_storage_is_unreachable(string name, Exception exception, bool outage)
    {
        Assert.True(StorageFaults.IsOutage(exception) == outage, name);
    }

    [Fact]
    public void Only_a_failure_that_came_out_of_a_storage_call_is_answered_as_an_outage()
    {
        var fromStorage = new IOException("Input/output error");
        StorageFaults.MarkStorage(fromStorage, "read");

        Assert.True(StorageFaults.IsStorageOutage(fromStorage));
        Assert.True(StorageFaults.IsStorageOutage(new InvalidOperationException("wrapped", fromStorage)));
        Assert.False(StorageFaults.IsStorageOutage(new IOException("the index disk, not storage")));
        Assert.True(StorageFaults.IsStorageOutage(new StorageUnavailableException()));
    }
}
