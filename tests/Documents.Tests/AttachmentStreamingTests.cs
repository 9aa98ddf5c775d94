using System.Collections.Concurrent;
using System.Security.Cryptography;
using KnowledgeHub.Documents.Tests.Support;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Documents.Tests;

/// <summary>Allocation is measured for the whole process: nothing else may run at the same time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    public const string Name = "Allocation measured";
}

[Collection(AllocationCollection.Name)]
public sealed class AttachmentStreamingTests : IDisposable
{
    private const int FiftyMegabytes = 50 * 1024 * 1024;

    private readonly TestStore store = new();
    private readonly StreamedWritesStore blobs;
    private readonly AttachmentService service;

    public AttachmentStreamingTests()
    {
        blobs = new StreamedWritesStore(store.Blobs, Path.Combine(store.Root, "streamed"));
        service = new AttachmentService(blobs, store.Repository, new AuditLog(store.Blobs, store.Clock), Options.Create(new AttachmentOptions()), store.Clock, NullLogger<AttachmentService>.Instance);
    }

    public void Dispose() => store.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_50_MB_upload_reaches_the_store_intact_while_the_upload_allocates_a_small_fraction_of_its_size(bool seekable)
    {
        var doc = await store.Repository.CreateAsync(People.Retro(), People.Alice, CancellationToken.None);
        var expected = GeneratedPdf.Sha256(FiftyMegabytes);
        await using var upload = seekable ? new MemoryStream(GeneratedPdf.Bytes(FiftyMegabytes), writable: false) : (Stream)new GeneratedPdf(FiftyMegabytes);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await service.AddAsync(doc.Id, "季度数据.pdf", upload, FiftyMegabytes, People.Alice, CancellationToken.None);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        var added = Assert.IsType<AttachmentResult.Added>(result);
        Assert.Equal((expected, (long)FiftyMegabytes, "application/pdf"), (added.Attachment.Sha256, added.Attachment.Size, added.Attachment.ContentType));
        Assert.Equal(expected, await blobs.StreamedSha256Async("files/" + expected));
        Assert.True(allocated < FiftyMegabytes / 10, $"One 50 MB upload allocated {allocated / (1024 * 1024.0):0.0} MB.");
    }

    [Fact]
    public async Task An_undeclared_upload_is_refused_as_too_large_once_the_limit_is_passed_without_reading_the_rest()
    {
        using var small = new AttachmentHost(new AttachmentOptions { MaxBytes = 1024 * 1024 });
        var doc = await small.CreateAsync();
        var upload = new GeneratedPdf(FiftyMegabytes);

        var result = await small.Service.AddAsync(doc.Id, "big.pdf", upload, -1, People.Alice, CancellationToken.None);

        Assert.IsType<AttachmentResult.TooLarge>(result);
        Assert.True(upload.Position < 2 * 1024 * 1024, $"{upload.Position} bytes were read.");
        Assert.Empty(await small.Store.BlobNamesAsync("files/"));
    }

    [Fact]
    public async Task Sixty_concurrent_uploads_to_one_document_are_all_listed_or_told_to_try_again_with_a_sentence()
    {
        using var host = new AttachmentHost();
        var doc = await host.CreateAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() =>
            host.AddAsync(doc.Id, $"notes-{i:00}.txt", SampleFiles.Utf8($"会议记录 {i}")))));

        var added = results.OfType<AttachmentResult.Added>().Select(a => a.Attachment.Name).Order(StringComparer.Ordinal).ToList();
        var others = results.Where(r => r is not AttachmentResult.Added).ToList();
        Assert.All(others, r => Assert.Equal("The document is being changed by many people at once and your file could not be added to it; try again in a moment.", Assert.IsType<AttachmentResult.Busy>(r).Message));
        Assert.NotEmpty(added);
        var listed = (await host.Store.Repository.GetManifestAsync(doc.Id, CancellationToken.None))!.Attachments.Select(a => a.Name).Order(StringComparer.Ordinal);
        Assert.Equal(added, listed);
    }

    [Fact]
    public async Task An_office_file_spooled_from_a_stream_that_cannot_seek_is_checked_from_its_directory()
    {
        using var host = new AttachmentHost();
        var doc = await host.CreateAsync();
        var bomb = SampleFiles.OfficeZip(z => SampleFiles.Entry(z, "word/zeros.xml", new byte[8 * 1024 * 1024]));

        var refused = await host.Service.AddAsync(doc.Id, "bomb.docx", new ForwardOnly(bomb), -1, People.Alice, CancellationToken.None);
        var accepted = await host.Service.AddAsync(doc.Id, "周报.docx", new ForwardOnly(SampleFiles.Docx("周报")), -1, People.Alice, CancellationToken.None);

        Assert.Equal("The archive entry 'word/zeros.xml' is compressed more than 100 to 1; it is refused as a possible zip bomb.", refused.Message);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Assert.IsType<AttachmentResult.Added>(accepted).Attachment.ContentType);
        Assert.Single(await host.Store.BlobNamesAsync("files/"));
    }

    /// <summary>A request body: read forward only, never seekable.</summary>
    private sealed class ForwardOnly(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }

    /// <summary>A PDF of the given size produced while it is read (a PDF header, then spaces): never held in memory, cannot seek.</summary>
    private sealed class GeneratedPdf(long length) : Stream
    {
        private static readonly byte[] Header = "%PDF-1.4\n% generated\n"u8.ToArray();
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public static byte[] Bytes(int length)
        {
            var bytes = new byte[length];
            bytes.AsSpan().Fill((byte)' ');
            Header.CopyTo(bytes, 0);
            return bytes;
        }

        public static string Sha256(int length) => Convert.ToHexStringLower(SHA256.HashData(Bytes(length)));

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = (int)Math.Min(buffer.Length, length - position);
            for (var i = 0; i < count; i++)
            {
                var at = position + i;
                buffer[i] = at < Header.Length ? Header[at] : (byte)' ';
            }

            position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>
    /// The file store, except that streamed writes go to files of their own in bounded chunks — as the storage
    /// branch makes both backends do — so this measures the upload path, not today's buffering stand-in.
    /// </summary>
    private sealed class StreamedWritesStore(IBlobStore inner, string folder) : IBlobStore
    {
        private readonly ConcurrentDictionary<string, string> streamed = new(StringComparer.Ordinal);

        public async Task<string?> StreamedSha256Async(string name)
        {
            if (!streamed.TryGetValue(name, out var path))
            {
                return null;
            }

            await using var file = File.OpenRead(path);
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(file));
        }

        public async Task<string> WriteAsync(string name, Stream content, WriteCondition condition, CancellationToken cancellationToken)
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, Guid.NewGuid().ToString("N"));
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, 81920, cancellationToken);
            }

            if (!streamed.TryAdd(name, path) && condition.CreateOnly)
            {
                File.Delete(path);
                throw new BlobConditionFailedException(name);
            }

            return "\"streamed\"";
        }

        public Task<BlobContent?> ReadAsync(string name, CancellationToken cancellationToken) => inner.ReadAsync(name, cancellationToken);

        public Task<BlobContent?> ReadAsync(string name, long offset, CancellationToken cancellationToken) => inner.ReadAsync(name, offset, cancellationToken);

        public Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken) =>
            inner.WriteAsync(name, content, condition, cancellationToken);

        public IAsyncEnumerable<BlobItem> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

        public Task<long> AppendAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => inner.AppendAsync(name, content, cancellationToken);

        public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) => inner.DeleteAsync(name, cancellationToken);
    }
}
