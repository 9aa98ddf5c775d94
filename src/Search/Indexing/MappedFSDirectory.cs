using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;
using Lucene.Net.Store;

namespace KnowledgeHub.Search;

/// <summary>
/// The index's directory: each file read through one read-only memory map, its bytes read straight from the mapped
/// pages by every clone and slice (no system call, no copy into a buffer first). Lucene.Net's own
/// <see cref="MMapDirectory"/> maps files too, but reads them byte by byte through a <c>SafeBuffer</c> that takes and
/// releases a reference on every read (lucenenet #1151), and <see cref="NIOFSDirectory"/> costs a seek, an <c>fstat</c>
/// and a <c>pread</c> per 1 KB refill. Writing is <see cref="FSDirectory"/>'s.
/// </summary>
/// <remarks>
/// A map lives as long as the input that opened it (or the compound file's slicer): disposing it unmaps the file, and
/// its clones and slices then throw <see cref="ObjectDisposedException"/>. Lucene disposes a segment's inputs only when
/// no reader of it is left (readers are reference counted, <c>SearcherManager</c> releases them after the last search),
/// the same contract Lucene's own <c>MMapDirectory</c> relies on. Files are written once and never change while
/// mapped; a deleted file's pages go when its map does.
/// </remarks>
public sealed class MappedFSDirectory(DirectoryInfo path) : FSDirectory(path, null)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var path = System.IO.Path.Combine(Directory.FullName, name);
        var map = FileMap.Open(path);
        return new MappedIndexInput($"MappedIndexInput(path=\"{path}\")", map, 0, map.Length, owner: true);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var path = System.IO.Path.Combine(Directory.FullName, name);
        return new Slicer(path, FileMap.Open(path));
    }

    private sealed class Slicer(string path, FileMap map) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset + length > map.Length)
            {
                throw new ArgumentException($"The slice {offset}:{offset + length} is outside the file '{path}' of {map.Length} bytes.");
            }

            return new MappedIndexInput($"MappedIndexInput({sliceDescription} in path=\"{path}\" slice={offset}:{offset + length})", map, offset, length, owner: false);
        }

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, map.Length);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                map.Dispose();
            }
        }
    }

    /// <summary>One file mapped read-only, whole. An empty file has no map (a map cannot be empty) and no bytes to read.</summary>
    internal sealed unsafe class FileMap : IDisposable
    {
        private readonly MemoryMappedFile? file;
        private readonly MemoryMappedViewAccessor? view;
        private byte* start;

        private FileMap(MemoryMappedFile? file, MemoryMappedViewAccessor? view, byte* start, long length)
        {
            this.file = file;
            this.view = view;
            this.start = start;
            Length = length;
        }

        public long Length { get; }

        /// <summary>The first mapped byte; throws once the map is disposed, so a late reader fails instead of reading unmapped memory.</summary>
        /// <remarks>Read for every byte the stored fields' decompressor takes: the check stays small enough to be inlined, the throw is out of line.</remarks>
        public byte* Start
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => start != null ? start : EmptyOrClosed();
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private byte* EmptyOrClosed() => Length == 0 ? null : throw new ObjectDisposedException(nameof(MappedFSDirectory), "The index file was closed.");

        public static FileMap Open(string path)
        {
            // The map keeps the file's pages once the view exists; the handle is closed on the way out.
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var length = RandomAccess.GetLength(handle);
            if (length == 0)
            {
                return new FileMap(null, null, null, 0);
            }

            var file = MemoryMappedFile.CreateFromFile(handle, mapName: null, length, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
            MemoryMappedViewAccessor? view = null;
            try
            {
                view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
                byte* pointer = null;
                view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
                return new FileMap(file, view, pointer + view.PointerOffset, length);
            }
            catch
            {
                view?.Dispose();
                file.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            if (start == null)
            {
                return;
            }

            start = null;
            view!.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            file!.Dispose();
        }
    }

    /// <summary>A file or a slice of one: <c>[start, start + length)</c> of its map; clones share the map, only the owner disposes it.</summary>
    private sealed unsafe class MappedIndexInput(string description, FileMap map, long start, long length, bool owner) : IndexInput(description)
    {
        private long position;
        private bool disposes = owner;

        public override long Length => length;

        public override long Position => position;

        public override void Seek(long pos)
        {
            if (pos < 0 || pos > length)
            {
                throw new EndOfStreamException($"seek to {pos} is outside {this} ({length} bytes)");
            }

            position = pos;
        }

        public override byte ReadByte()
        {
            if (position >= length)
            {
                ThrowPastEnd();
            }

            return map.Start[start + position++];
        }

        [DoesNotReturn]
        [MethodImpl(MethodImplOptions.NoInlining)]
        private void ThrowPastEnd() => throw new EndOfStreamException($"read past EOF: {this}");

        [DoesNotReturn]
        [MethodImpl(MethodImplOptions.NoInlining)]
        private void ThrowPastEnd(int count) => throw new EndOfStreamException($"read past EOF: {this} ({count} bytes at {position} of {length})");

        public override void ReadBytes(byte[] b, int offset, int len) => Bytes(len).CopyTo(b.AsSpan(offset, len));

        public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Bytes(sizeof(short)));

        public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Bytes(sizeof(int)));

        public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Bytes(sizeof(long)));

        /// <summary>Lucene's variable-length int (7 bits a byte, low bits first, at most 5 bytes), read in one pass over the mapped bytes.</summary>
        public override int ReadVInt32()
        {
            var available = length - position;
            if (available < 5)
            {
                return base.ReadVInt32();
            }

            var bytes = map.Start + start + position;
            var value = 0;
            for (var i = 0; i < 4; i++)
            {
                var b = bytes[i];
                value |= (b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0)
                {
                    position += i + 1;
                    return value;
                }
            }

            // The fifth byte holds the top 4 bits, as DataInput reads it.
            if ((bytes[4] & 0xF0) == 0)
            {
                position += 5;
                return value | (bytes[4] << 28);
            }

            throw new IOException($"Invalid vInt detected (too many bits) in {this}");
        }

        public override void SkipBytes(long numBytes)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(numBytes);
            Seek(position + numBytes);
        }

        public override object Clone()
        {
            var clone = (MappedIndexInput)base.Clone();
            clone.disposes = false;
            return clone;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && disposes)
            {
                disposes = false;
                map.Dispose();
            }
        }

        /// <summary>The next <paramref name="count"/> bytes, the position moved past them.</summary>
        private ReadOnlySpan<byte> Bytes(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            if (count > length - position)
            {
                ThrowPastEnd(count);
            }

            var bytes = new ReadOnlySpan<byte>(map.Start + start + position, count);
            position += count;
            return bytes;
        }
    }
}
