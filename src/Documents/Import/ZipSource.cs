using System.IO.Compression;

namespace KnowledgeHub.Documents.Import;

/// <summary>
/// A zip, checked before anything is unpacked: its entry count, the sizes it declares (all together, and each against
/// its compressed size: a zip bomb is refused whole) and every path (absolute paths, <c>..</c>, drive letters and
/// backslashes are refused one by one: nothing is ever written to disk from here anyway).
/// </summary>
internal sealed class ZipSource : ImportSource
{
    private const long RatioFloorBytes = 1024 * 1024;
    private readonly Stream stream;
    private readonly ZipArchive zip;
    private readonly Dictionary<string, ZipArchiveEntry> byPath;
    private readonly List<SourceEntry> entries;
    private readonly SemaphoreSlim gate = new(1, 1);

    private ZipSource(Stream stream, ZipArchive zip, Dictionary<string, ZipArchiveEntry> byPath, List<SourceEntry> entries, List<(string, string)> refused, ImportLimits limits)
        : base(limits)
    {
        (this.stream, this.zip, this.byPath, this.entries) = (stream, zip, byPath, entries);
        Refused = refused;
    }

    public override IReadOnlyList<SourceEntry> Entries => entries;

    /// <summary>Takes ownership of <paramref name="content"/> (a seekable stream, e.g. a file).</summary>
    public static ZipSource Open(Stream content, ImportLimits limits)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: false);
            _ = zip.Entries.Count;
        }
        catch (InvalidDataException e)
        {
            content.Dispose();
            throw new ImportRefusedException("The file is not a zip archive, or it is damaged; nothing was imported.", e);
        }

        try
        {
            return Check(content, zip, limits);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    private static ZipSource Check(Stream content, ZipArchive zip, ImportLimits limits)
    {
        CheckCount(zip.Entries.Count, limits);
        var (entries, refused) = (new List<SourceEntry>(), new List<(string, string)>());
        var byPath = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            if (UnsafePath(entry.FullName))
            {
                refused.Add((entry.FullName, "Its path inside the zip is absolute or climbs out of the archive ('..'); it was not read."));
                continue;
            }

            if (entry.FullName.EndsWith('/') || IsJunk(entry.FullName))
            {
                continue;
            }

            total += entry.Length;
            if (total > limits.MaxTotalBytes || (entry.Length > RatioFloorBytes && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1)))
            {
                throw new ImportRefusedException(
                    "The zip would unpack to far more than its size (a zip bomb) or past the size allowed for one batch; nothing was imported.");
            }

            if (byPath.TryAdd(entry.FullName, entry))
            {
                entries.Add(new SourceEntry(entry.FullName, entry.Length));
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new ZipSource(content, zip, byPath, entries, refused, limits);
    }

    public override async ValueTask DisposeAsync()
    {
        zip.Dispose();
        await stream.DisposeAsync();
        gate.Dispose();
    }

    /// <summary>Entries are unpacked one at a time (a ZipArchive is not thread-safe), into memory, within the size limit.</summary>
    protected override async Task<Stream> OpenAsync(SourceEntry entry, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var unpacked = byPath[entry.Path].Open();
            var copy = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await unpacked.ReadAsync(chunk, cancellationToken)) > 0)
            {
                copy.Write(chunk, 0, read);
                if (copy.Length > Limits.MaxFileBytes)
                {
                    break; // the caller sees more than the limit and refuses the file
                }
            }

            copy.Position = 0;
            return copy;
        }
        catch (InvalidDataException e)
        {
            throw new ImportRefusedException($"'{entry.Path}' is damaged inside the zip.", e);
        }
        finally
        {
            gate.Release();
        }
    }

    private static bool UnsafePath(string name) =>
        name.StartsWith('/') || name.Contains('\\', StringComparison.Ordinal) || name.Contains(':', StringComparison.Ordinal)
        || name.Split('/').Any(part => part == "..");
}
