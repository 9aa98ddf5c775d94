using System.Buffers;
using System.Security.Cryptography;

namespace KnowledgeHub.Documents;

/// <summary>
/// An upload held on disk while it is checked, with its SHA-256 and length, so memory stays bounded whatever its
/// size. A seekable upload (ASP.NET Core has already buffered a form file to disk) is hashed in place; any other is
/// copied to a temp file that is deleted when the spool is disposed (<see cref="FileOptions.DeleteOnClose"/>).
/// Reading stops as soon as more than the limit arrives.
/// </summary>
internal sealed class AttachmentSpool : IAsyncDisposable
{
    private const int ChunkBytes = 81920;

    private readonly Stream content;
    private readonly bool owned;

    private AttachmentSpool(Stream content, bool owned, long length, string sha256) =>
        (this.content, this.owned, Length, Sha256) = (content, owned, length, sha256);

    public long Length { get; }

    /// <summary>Lowercase hex, as <c>files/{sha256}</c> names the content.</summary>
    public string Sha256 { get; }

    /// <summary>The upload held, or null when more than <paramref name="maxBytes"/> arrived (nothing is kept then).</summary>
    public static async Task<AttachmentSpool?> CreateAsync(Stream upload, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (upload.CanSeek && upload.Position == 0)
        {
            var (length, sha) = await CopyAsync(upload, null, maxBytes, cancellationToken);
            return sha is null ? null : new AttachmentSpool(upload, owned: false, length, sha);
        }

        var path = Path.Combine(Path.GetTempPath(), "kh-upload-" + Guid.NewGuid().ToString("N"));
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            var (length, sha) = await CopyAsync(upload, file, maxBytes, cancellationToken);
            if (sha is not null)
            {
                await file.FlushAsync(cancellationToken);
                return new AttachmentSpool(file, owned: true, length, sha);
            }
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        await file.DisposeAsync();
        return null;
    }

    /// <summary>The held bytes from their first, as a seekable stream (the same one each time: use one reader at a time).</summary>
    public Stream Rewind()
    {
        content.Position = 0;
        return content;
    }

    public ValueTask DisposeAsync() => owned ? content.DisposeAsync() : ValueTask.CompletedTask;

    private static async Task<(long Length, string? Sha256)> CopyAsync(Stream from, Stream? to, long maxBytes, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            long length = 0;
            int read;
            while ((read = await from.ReadAsync(buffer.AsMemory(0, ChunkBytes), cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    return (length, null);
                }

                hash.AppendData(buffer, 0, read);
                if (to is not null)
                {
                    await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
