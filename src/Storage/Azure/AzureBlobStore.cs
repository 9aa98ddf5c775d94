using System.Runtime.CompilerServices;
using Azure;
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
    private volatile bool containerReady;

    public AzureBlobStore(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        Container = container;
    }

    public BlobContainerClient Container { get; }

    public async Task<BlobContent?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        Validate(name);
        try
        {
            var result = await Container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return new BlobContent(result.Value.Content.ToMemory(), Quoted(result.Value.Details.ETag));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<BlobContent?> ReadAsync(string name, long offset, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var whole = await ReadAsync(name, cancellationToken);
        return whole is null ? null : whole with { Content = whole.Content[(int)Math.Min(offset, whole.Content.Length)..] };
    }

    public async Task<string> WriteAsync(string name, Stream content, WriteCondition condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return await WriteAsync(name, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), condition, cancellationToken);
    }

    public async Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken)
    {
        Validate(name);
        await EnsureContainerAsync(cancellationToken);
        var conditions = condition switch
        {
            { CreateOnly: true } => new BlobRequestConditions { IfNoneMatch = ETag.All },
            { IfMatch: { } etag } => new BlobRequestConditions { IfMatch = new ETag(etag) },
            _ => null,
        };
        try
        {
            var options = new BlobUploadOptions { Conditions = conditions };
            var result = await Container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), options, cancellationToken);
            return Quoted(result.Value.ETag);
        }
        catch (RequestFailedException ex) when (conditions is not null && IsConditionFailure(ex))
        {
            throw new BlobConditionFailedException(name, ex);
        }
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
            await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            using var stream = BinaryData.FromBytes(content).ToStream();
            var appended = await client.AppendBlockAsync(stream, cancellationToken: cancellationToken);
            return long.Parse(appended.Value.BlobAppendOffset, System.Globalization.CultureInfo.InvariantCulture) + content.Length;
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
        var pages = Container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix.Length == 0 ? null : prefix }, cancellationToken)
            .AsPages().GetAsyncEnumerator(cancellationToken);
        await using (pages)
        {
            while (true)
            {
                try
                {
                    if (!await pages.MoveNextAsync())
                    {
                        yield break;
                    }
                }
                catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
                {
                    yield break;
                }

                foreach (var blob in pages.Current.Values)
                {
                    yield return new BlobItem(blob.Name, blob.Properties.ContentLength ?? 0, Quoted(blob.Properties.ETag ?? default), blob.Properties.LastModified ?? default);
                }
            }
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
