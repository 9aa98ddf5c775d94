using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace KnowledgeHub.Storage;

/// <summary>
/// The Azure Blob Storage backend: one container, blob names used as they are.
/// <list type="bullet">
/// <item>Writes are single Put Blob calls with <c>If-Match</c> / <c>If-None-Match: *</c>; the
/// service answers 412 or 409, which become <see cref="BlobConditionFailedException"/>.</item>
/// <item>Appends use append blobs (one Append Block per call, so appends never interleave). A name
/// written with <see cref="WriteAsync"/> is a block blob and cannot be appended to afterwards
/// (<see cref="InvalidOperationException"/>); keep append-only names separate, as the layout does.
/// One append is at most <see cref="AppendBlobClient.AppendBlobMaxAppendBlockBytes"/> bytes.</item>
/// <item>The container is created on the first write or append when it is missing; reads and
/// listings of a missing container find nothing.</item>
/// </list>
/// </summary>
public sealed class AzureBlobStore : IBlobStore
{
    private const int FirstPageSize = 100;
    private volatile bool containerReady;

    public AzureBlobStore(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        Container = container;
    }

    public BlobContainerClient Container { get; }

    public Task<BlobContent?> ReadAsync(string name, CancellationToken cancellationToken) => ReadAsync(name, 0, cancellationToken);

    public async Task<BlobContent?> ReadIfChangedAsync(string name, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(etag);
        Validate(name);
        try
        {
            var options = new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = new ETag(etag) } };
            var result = await Container.GetBlobClient(name).DownloadContentAsync(options, cancellationToken);
            // 304 Not Modified comes back as a response without a value, not as an exception.
            return result.GetRawResponse().Status == 304
                ? new BlobContent(ReadOnlyMemory<byte>.Empty, etag)
                : new BlobContent(result.Value.Content.ToMemory(), Quoted(result.Value.Details.ETag));
        }
        catch (RequestFailedException ex) when (ex.Status == 304)
        {
            return new BlobContent(ReadOnlyMemory<byte>.Empty, etag);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<BlobContent?> ReadAsync(string name, long offset, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        Validate(name);
        var blob = Container.GetBlobClient(name);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // From 0 no range is asked for: "bytes=0-" of an empty blob is answered 416.
                var options = offset == 0 ? new BlobDownloadOptions() : new BlobDownloadOptions { Range = new HttpRange(offset) };
                var result = await blob.DownloadContentAsync(options, cancellationToken);
                return new BlobContent(result.Value.Content.ToMemory(), Quoted(result.Value.Details.ETag));
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return null;
            }
            catch (RequestFailedException ex) when (ex.Status == 416)
            {
                // The offset is at or past the end: nothing to read, unless the blob grew since (then read again).
                var properties = await PropertiesAsync(blob, cancellationToken);
                if (properties is null)
                {
                    return null;
                }

                if (properties.ContentLength <= offset || attempt == 3)
                {
                    return new BlobContent(ReadOnlyMemory<byte>.Empty, Quoted(properties.ETag));
                }
            }
        }
    }

    public async Task<string> WriteAsync(string name, Stream content, WriteCondition condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        Validate(name);
        await EnsureContainerAsync(cancellationToken);
        var blob = Container.GetBlobClient(name);

        // A condition that fails now cannot hold later: say so before sending a large stream.
        if (condition.CreateOnly || condition.IfMatch is not null)
        {
            var current = await PropertiesAsync(blob, cancellationToken);
            if ((condition.CreateOnly && current is not null) ||
                (condition.IfMatch is { } expected && (current is null || Quoted(current.ETag) != expected)))
            {
                throw new BlobConditionFailedException(name);
            }
        }

        // Blocks of 4 MiB, two in flight: memory stays bounded whatever the stream's length. The condition applies
        // to the commit, so a failed one leaves only uncommitted blocks, which the service discards.
        return await UploadAsync(name, condition, options =>
        {
            options.TransferOptions = new StorageTransferOptions { InitialTransferSize = 4 << 20, MaximumTransferSize = 4 << 20, MaximumConcurrency = 2 };
            return blob.UploadAsync(content, options, cancellationToken);
        });
    }

    public async Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken)
    {
        Validate(name);
        await EnsureContainerAsync(cancellationToken);
        var blob = Container.GetBlobClient(name);
        return await UploadAsync(name, condition, options => blob.UploadAsync(BinaryData.FromBytes(content), options, cancellationToken));
    }

    public async Task<long> AppendAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        Validate(name);
        var client = Container.GetAppendBlobClient(name);
        if (content.Length > client.AppendBlobMaxAppendBlockBytes)
        {
            throw new ArgumentException($"One append may hold at most {client.AppendBlobMaxAppendBlockBytes} bytes.", nameof(content));
        }

        await EnsureContainerAsync(cancellationToken);
        try
        {
            try
            {
                return await AppendBlockAsync(client, content, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.BlobNotFound)
            {
                // The first append to this name: create the append blob, then append (one request per append after that).
                await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                return await AppendBlockAsync(client, content, cancellationToken);
            }
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.InvalidBlobType)
        {
            throw new InvalidOperationException($"The blob '{name}' was written whole and cannot be appended to: append-only blobs need names of their own.", ex);
        }
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        Validate(name);
        try
        {
            return (await Container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<BlobItem> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        BlobNames.ValidatePrefix(prefix, nameof(prefix));

        // The first page is small, so "is there anything?" costs one short answer; later pages are as large as the service allows.
        var page = await PageAsync(prefix, null, FirstPageSize, cancellationToken);
        while (page is not null)
        {
            foreach (var blob in page.Values)
            {
                yield return new BlobItem(blob.Name, blob.Properties.ContentLength ?? 0, Quoted(blob.Properties.ETag ?? default), blob.Properties.LastModified ?? default);
            }

            page = string.IsNullOrEmpty(page.ContinuationToken) ? null : await PageAsync(prefix, page.ContinuationToken, 5000, cancellationToken);
        }
    }

    /// <summary>
    /// Proves the account answers and the credentials hold: the container's properties (one small answer whatever the
    /// container holds — a listing, even of one name, makes Azurite scan and sort every blob, and the ready check runs
    /// every second on every node); a missing container is reachable.
    /// </summary>
    internal async Task CheckReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Container.GetPropertiesAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No container yet: the account answered.
        }
    }

    private async Task<Page<global::Azure.Storage.Blobs.Models.BlobItem>?> PageAsync(string prefix, string? continuation, int size, CancellationToken cancellationToken)
    {
        var pages = Container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix.Length == 0 ? null : prefix }, cancellationToken)
            .AsPages(continuation, size).GetAsyncEnumerator(cancellationToken);
        await using (pages)
        {
            try
            {
                return await pages.MoveNextAsync() ? pages.Current : null;
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
            {
                return null;
            }
        }
    }

    private static async Task<long> AppendBlockAsync(AppendBlobClient client, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        using var stream = BinaryData.FromBytes(content).ToStream();
        var appended = await client.AppendBlockAsync(stream, cancellationToken: cancellationToken);
        return long.Parse(appended.Value.BlobAppendOffset, CultureInfo.InvariantCulture) + content.Length;
    }

    private static async Task<string> UploadAsync(string name, WriteCondition condition, Func<BlobUploadOptions, Task<Response<BlobContentInfo>>> upload)
    {
        var conditions = condition switch
        {
            { CreateOnly: true } => new BlobRequestConditions { IfNoneMatch = ETag.All },
            { IfMatch: { } etag } => new BlobRequestConditions { IfMatch = new ETag(etag) },
            _ => null,
        };
        try
        {
            var result = await upload(new BlobUploadOptions { Conditions = conditions });
            return Quoted(result.Value.ETag);
        }
        catch (RequestFailedException ex) when (conditions is not null && IsConditionFailure(ex))
        {
            throw new BlobConditionFailedException(name, ex);
        }
    }

    private static async Task<BlobProperties?> PropertiesAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>ETags as the service sends them in headers (quoted); listings return them bare.</summary>
    private static string Quoted(ETag etag)
    {
        var value = etag.ToString();
        return value.StartsWith('"') ? value : $"\"{value}\"";
    }

    private static bool IsConditionFailure(RequestFailedException ex) =>
        ex.Status == 412 || ex.ErrorCode == BlobErrorCode.BlobAlreadyExists || ex.ErrorCode == BlobErrorCode.BlobNotFound;

    /// <summary>Both backends accept the same names, so a layout that works on a laptop works in Azure.</summary>
    private static void Validate(string name) => BlobNames.Validate(name, nameof(name));

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        // Racing callers may both ask; CreateIfNotExists is idempotent, so that is harmless.
        if (!containerReady)
        {
            await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            containerReady = true;
        }
    }
}
