namespace KnowledgeHub.Storage.Tests;

/// <summary>Ranged reads and streamed writes, for every backend.</summary>
public abstract partial class BlobStoreContract
{
    public static TheoryData<long, string> Ranges => new()
    {
        { 0, "0123456789" },
        { 4, "456789" },
        { 9, "9" },
        { 10, "" },
        { 11, "" },
        { 1_000_000, "" },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task A_ranged_read_returns_the_bytes_from_the_offset_to_the_end_with_the_blobs_etag(long offset, string expected)
    {
        var etag = await Store.WriteAsync("changes/log", Bytes("0123456789"), WriteCondition.None, None);

        var blob = await Store.ReadAsync("changes/log", offset, None);

        Assert.Equal(expected, Text(blob));
        Assert.Equal(etag, blob!.ETag);
    }

    [Fact]
    public async Task A_ranged_read_of_a_missing_blob_returns_null()
    {
        Assert.Null(await Store.ReadAsync("changes/missing", 0, None));
        Assert.Null(await Store.ReadAsync("changes/missing", 5, None));
    }

    [Fact]
    public async Task A_ranged_read_of_an_empty_blob_is_empty_with_its_etag()
    {
        var etag = await Store.WriteAsync("empty", ReadOnlyMemory<byte>.Empty, WriteCondition.None, None);

        foreach (var offset in new[] { 0L, 1L })
        {
            var blob = await Store.ReadAsync("empty", offset, None);
            Assert.Equal(0, blob!.Content.Length);
            Assert.Equal(etag, blob.ETag);
        }
    }

    [Fact]
    public async Task A_reader_following_a_log_from_each_appends_end_offset_reads_exactly_what_came_after()
    {
        var first = await Store.AppendAsync("changes/log", Bytes("one\n"), None);
        await Store.AppendAsync("changes/log", Bytes("二\n"), None);
        var third = await Store.AppendAsync("changes/log", Bytes("three\n"), None);

        Assert.Equal("二\nthree\n", Text(await Store.ReadAsync("changes/log", first, None)));
        Assert.Equal("", Text(await Store.ReadAsync("changes/log", third, None)));
        Assert.Equal(4 + 4 + 6, third);
    }

    [Fact]
    public async Task A_stream_larger_than_a_block_is_written_whole_and_reads_back_with_the_returned_etag()
    {
        var content = Pattern(9 * 1024 * 1024 + 123);

        var etag = await Store.WriteAsync("files/big", new OneWayStream(content), WriteCondition.IfNotExists, None);

        var blob = await Store.ReadAsync("files/big", None);
        Assert.Equal(etag, blob!.ETag);
        Assert.True(blob.Content.Span.SequenceEqual(content), $"read {blob.Content.Length} bytes, wrote {content.Length}");
        Assert.Equal(content.Length, Assert.Single(await Store.ListAsync("files/", None).ToListAsync()).Size);
    }

    [Fact]
    public async Task A_streamed_write_with_the_current_etag_replaces_the_blob_and_a_stale_one_fails_leaving_it_unchanged()
    {
        var first = await Store.WriteAsync("m.json", new MemoryStream(Bytes("v1")), WriteCondition.None, None);
        var second = await Store.WriteAsync("m.json", new OneWayStream(Bytes("v2 streamed")), WriteCondition.IfMatchETag(first), None);

        await Assert.ThrowsAsync<BlobConditionFailedException>(
            () => Store.WriteAsync("m.json", new OneWayStream(Pattern(5 * 1024 * 1024)), WriteCondition.IfMatchETag(first), None));

        var blob = await Store.ReadAsync("m.json", None);
        Assert.Equal("v2 streamed", Text(blob));
        Assert.Equal(second, blob!.ETag);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_create_only_streamed_write_over_an_existing_blob_fails_and_keeps_the_first()
    {
        await Store.WriteAsync("files/abc", new MemoryStream(Bytes("first")), WriteCondition.IfNotExists, None);

        var failure = await Assert.ThrowsAsync<BlobConditionFailedException>(
            () => Store.WriteAsync("files/abc", new OneWayStream(Pattern(5 * 1024 * 1024)), WriteCondition.IfNotExists, None));

        Assert.Equal("files/abc", failure.BlobName);
        Assert.Equal("first", Text(await Store.ReadAsync("files/abc", None)));
    }

    [Fact]
    public async Task A_streamed_write_whose_condition_fails_leaves_no_blob_behind()
    {
        var etag = await Store.WriteAsync("other", Bytes("x"), WriteCondition.None, None);

        await Assert.ThrowsAsync<BlobConditionFailedException>(
            () => Store.WriteAsync("files/new", new OneWayStream(Pattern(5 * 1024 * 1024)), WriteCondition.IfMatchETag(etag), None));

        Assert.Null(await Store.ReadAsync("files/new", None));
        Assert.Equal(["other"], (await Store.ListAsync("", None).ToListAsync()).Select(i => i.Name));
    }

    [Fact]
    public async Task A_stream_that_fails_midway_leaves_the_previous_blob_as_it_was()
    {
        var etag = await Store.WriteAsync("files/abc", Bytes("before"), WriteCondition.None, None);

        await Assert.ThrowsAsync<IOException>(
            () => Store.WriteAsync("files/abc", new OneWayStream(Pattern(6 * 1024 * 1024), failAfter: 2 * 1024 * 1024), WriteCondition.None, None));

        var blob = await Store.ReadAsync("files/abc", None);
        Assert.Equal("before", Text(blob));
        Assert.Equal(etag, blob!.ETag);
        Assert.Equal(["files/abc"], (await Store.ListAsync("", None).ToListAsync()).Select(i => i.Name));
    }

    [Fact]
    public async Task Parallel_create_only_streamed_writers_have_exactly_one_winner()
    {
        var contents = Enumerable.Range(0, 4).Select(i => Pattern(5 * 1024 * 1024 + i)).ToArray();

        var outcomes = await Task.WhenAll(contents.Select(async (content, i) =>
        {
            try
            {
                return (Writer: i, ETag: await Store.WriteAsync("files/same", new OneWayStream(content), WriteCondition.IfNotExists, None));
            }
            catch (BlobConditionFailedException)
            {
                return (Writer: i, ETag: (string?)null);
            }
        }));

        var winner = Assert.Single(outcomes, o => o.ETag is not null);
        var blob = await Store.ReadAsync("files/same", None);
        Assert.Equal(winner.ETag, blob!.ETag);
        Assert.Equal(contents[winner.Writer].Length, blob.Content.Length);
    }

    protected static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31 + (i >> 10));
        }

        return bytes;
    }

    /// <summary>A stream that can only be read forward, in small pieces, like a request body; optionally failing partway.</summary>
    protected sealed class OneWayStream(byte[] content, int failAfter = int.MaxValue) : Stream
    {
        private int position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (position >= failAfter)
            {
                throw new IOException("The client went away.");
            }

            var n = Math.Min(Math.Min(buffer.Length, 7000), content.Length - position);
            content.AsSpan(position, n).CopyTo(buffer);
            position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
