using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace KnowledgeHub.Search;

/// <summary>
/// The index's directory: files read with positional reads (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>,
/// <c>pread</c>) on one shared handle, so searching threads never synchronize. It replaces Lucene.Net's
/// <see cref="NIOFSDirectory"/>, whose reads go through <see cref="FileStream"/> and a <c>ByteBuffer</c>: each 1 KB refill
/// cost a seek, an <c>fstat</c> and a <c>pread</c> (a fifth of a search's CPU at 20k documents, most of it in reading the
/// ten hits' stored fields). Stored-field files get a 16 KB buffer, the size of the chunk Lucene compresses them in, so
/// a hit's chunk is one read instead of sixteen; every other file keeps Lucene's buffer size (postings and term
/// dictionaries are read a few bytes at a place, and every clone allocates its buffer). Writing is
/// <see cref="FSDirectory"/>'s. Memory maps stay out: Lucene.Net 4.8 reads them byte by byte (lucenenet #1151).
/// </summary>
public sealed class PositionalFSDirectory(DirectoryInfo path) : FSDirectory(path, null)
{
    /// <summary>Lucene's chunk of compressed stored fields (<c>CompressingStoredFieldsFormat</c>, 4.1 and later).</summary>
    internal const int StoredFieldsBufferSize = 16 * 1024;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = OpenHandle(name);
        try
        {
            return new PositionalIndexInput($"PositionalIndexInput(path=\"{file.Path}\")", file.Handle, 0, RandomAccess.GetLength(file.Handle), BufferSize(name, context), owner: true);
        }
        catch
        {
            file.Handle.Dispose();
            throw;
        }
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var file = OpenHandle(name);
        return new Slicer(file.Path, file.Handle, context);
    }

    /// <summary>A stored-fields file (alone or inside a compound file, whose slices carry the inner file's name).</summary>
    internal static int BufferSize(string name, IOContext context) =>
        name.EndsWith(".fdt", StringComparison.Ordinal) ? StoredFieldsBufferSize : BufferedIndexInput.GetBufferSize(context);

    private (string Path, SafeFileHandle Handle) OpenHandle(string name)
    {
        var path = System.IO.Path.Combine(Directory.FullName, name);
        return (path, File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
    }

    private sealed class Slicer(string path, SafeFileHandle handle, IOContext context) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new PositionalIndexInput($"PositionalIndexInput({sliceDescription} in path=\"{path}\" slice={offset}:{offset + length})", handle, offset, length, BufferSize(sliceDescription, context), owner: false);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, RandomAccess.GetLength(handle));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                handle.Dispose();
            }
        }
    }

    /// <summary>A file or a slice of one: <c>[start, start + length)</c> of the handle; clones share the handle, only the owner closes it.</summary>
    private sealed class PositionalIndexInput(string description, SafeFileHandle handle, long start, long length, int bufferSize, bool owner)
        : BufferedIndexInput(description, bufferSize)
    {
        private bool closes = owner;

        public override long Length => length;

        public override object Clone()
        {
            var clone = (PositionalIndexInput)base.Clone();
            clone.closes = false;
            return clone;
        }

        protected override void ReadInternal(byte[] b, int offset, int len)
        {
            var at = Position;
            if (at + len > length)
            {
                throw new EndOfStreamException($"read past EOF: {this}");
            }

            var target = b.AsSpan(offset, len);
            while (!target.IsEmpty)
            {
                var read = RandomAccess.Read(handle, target, start + at);
                if (read <= 0)
                {
                    throw new EndOfStreamException($"read past EOF: {this} at {at}");
                }

                at += read;
                target = target[read..];
            }
        }

        protected override void SeekInternal(long pos)
        {
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && closes)
            {
                closes = false;
                handle.Dispose();
            }
        }
    }
}
