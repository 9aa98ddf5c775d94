using System.Reflection;
using KnowledgeHub.Storage;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>
/// Wraps the real <see cref="IBlobStore"/> and counts the bytes handed to its writes and appends (the store's logical
/// input). A <see cref="DispatchProxy"/> rather than a hand-written class: it forwards every member as it is, so it
/// keeps compiling and counting while the storage contract grows (any method whose name starts with Write or Append,
/// whatever its overloads, counts its <see cref="ReadOnlyMemory{T}"/> and <see cref="Stream"/> arguments).
/// </summary>
public class CountingBlobStore : DispatchProxy
{
    private IBlobStore inner = null!;
    private Counter counter = null!;

    /// <summary>The counted wrapper around <paramref name="store"/>; <paramref name="counter"/> receives the bytes.</summary>
    public static IBlobStore Wrap(IBlobStore store, Counter counter)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(counter);
        var proxy = Create<IBlobStore, CountingBlobStore>();
        var self = (CountingBlobStore)(object)proxy;
        self.inner = store;
        self.counter = counter;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var counts = targetMethod.Name.StartsWith("Write", StringComparison.Ordinal) || targetMethod.Name.StartsWith("Append", StringComparison.Ordinal);
        if (counts && args is not null)
        {
            counter.AddCall();
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case ReadOnlyMemory<byte> memory:
                        counter.Add(memory.Length);
                        break;
                    case byte[] bytes:
                        counter.Add(bytes.Length);
                        break;
                    case Stream stream:
                        args[i] = new CountingReadStream(stream, counter);
                        break;
                }
            }
        }

        try
        {
            return targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    /// <summary>Bytes and calls, thread-safe.</summary>
    public sealed class Counter
    {
        private long bytes;
        private long calls;

        public long Bytes => Interlocked.Read(ref bytes);

        public long Calls => Interlocked.Read(ref calls);

        public void Add(long count) => Interlocked.Add(ref bytes, count);

        public void AddCall() => Interlocked.Increment(ref calls);
    }

    /// <summary>A read-only pass-through stream that counts what the store reads from it.</summary>
    private sealed class CountingReadStream(Stream inner, Counter counter) : Stream
    {
        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Counted(int read)
        {
            counter.Add(read);
            return read;
        }
    }
}
