using System.Buffers.Binary;
using System.IO.Compression;

namespace KnowledgeHub.Documents;

/// <summary>
/// Zip-bomb and content check of an Office file (a ZIP archive), reading only its directory — no entry is
/// decompressed. In order: the entry count from the end-of-central-directory record (before any entry is
/// parsed), then each central-directory entry's declared sizes: the total uncompressed size and the
/// compression ratio of every entry over 1 MB. Only then the parts decide the kind: <c>[Content_Types].xml</c>
/// plus <c>word/</c>, <c>xl/</c> or <c>ppt/</c>. Macro-enabled files (<c>vbaProject.bin</c>) are refused.
/// Declared sizes can lie; the extractor therefore also runs with memory, size and time limits.
/// </summary>
public static class OfficeArchiveCheck
{
    private const long RatioFloorBytes = 1024 * 1024;
    private const uint EndOfCentralDirectory = 0x06054b50;
    private const uint Zip64Locator = 0x07064b50;
    private const uint Zip64EndOfCentralDirectory = 0x06064b50;

    /// <summary>Checks a seekable stream (an upload held on disk) from its directory; leaves it open at position 0.</summary>
    public static async Task<FileTypeVerdict> CheckAsync(Stream content, AttachmentOptions limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        if (await DeclaredEntryCountAsync(content, cancellationToken) is not { } count)
        {
            return FileTypeVerdict.Refuse("The file is a damaged ZIP archive (its directory cannot be found).");
        }

        if (count > (ulong)limits.MaxArchiveEntries)
        {
            return FileTypeVerdict.Refuse($"The archive has {count} entries, more than the {limits.MaxArchiveEntries} allowed; it is refused as a possible zip bomb.");
        }

        List<(string Name, long Length, long Compressed)> entries;
        try
        {
            content.Position = 0;
            await using var zip = await ZipArchive.CreateAsync(content, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
            entries = zip.Entries.Select(e => (e.FullName, e.Length, e.CompressedLength)).ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            return FileTypeVerdict.Refuse("The file is a damaged ZIP archive.");
        }
        finally
        {
            content.Position = 0;
        }

        if (entries.Count > limits.MaxArchiveEntries)
        {
            return FileTypeVerdict.Refuse($"The archive has {entries.Count} entries, more than the {limits.MaxArchiveEntries} allowed; it is refused as a possible zip bomb.");
        }

        long total = 0;
        foreach (var (name, length, compressed) in entries)
        {
            total += length;
            if (length < 0 || total > limits.MaxArchiveUncompressedBytes)
            {
                return FileTypeVerdict.Refuse($"The archive would unpack to more than {limits.MaxArchiveUncompressedBytes / (1024 * 1024)} MB; it is refused as a possible zip bomb.");
            }

            if (length > RatioFloorBytes && length / Math.Max(compressed, 1) > limits.MaxCompressionRatio)
            {
                return FileTypeVerdict.Refuse($"The archive entry '{name}' is compressed more than {limits.MaxCompressionRatio} to 1; it is refused as a possible zip bomb.");
            }
        }

        return KindOfParts(entries.Select(e => e.Name).ToList());
    }

    private static FileTypeVerdict KindOfParts(List<string> names)
    {
        if (!names.Contains("[Content_Types].xml", StringComparer.Ordinal))
        {
            return FileTypeVerdict.Refuse("The file is a ZIP archive but not an Office document (it has no [Content_Types].xml).");
        }

        if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
        {
            return FileTypeVerdict.Refuse("The Office file contains macros; save it without macros (DOCX, XLSX or PPTX) and try again.");
        }

        bool Has(string folder) => names.Any(n => n.StartsWith(folder, StringComparison.Ordinal));
        return Has("word/") ? FileTypeVerdict.Accept(AttachmentKind.Docx)
            : Has("xl/") ? FileTypeVerdict.Accept(AttachmentKind.Xlsx)
            : Has("ppt/") ? FileTypeVerdict.Accept(AttachmentKind.Pptx)
            : FileTypeVerdict.Refuse("The file is an Office package but not a Word, Excel or PowerPoint document.");
    }

    /// <summary>The total entry count the end-of-central-directory record (or its ZIP64 form) declares, or null when there is none.</summary>
    private static async Task<ulong?> DeclaredEntryCountAsync(Stream content, CancellationToken cancellationToken)
    {
        const int eocdSize = 22;
        var length = content.Length;
        var tailStart = Math.Max(0, length - eocdSize - ushort.MaxValue - 20);
        var tail = new byte[length - tailStart];
        content.Position = tailStart;
        await content.ReadExactlyAsync(tail, cancellationToken);
        for (var at = tail.Length - eocdSize; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) != EndOfCentralDirectory)
            {
                continue;
            }

            ulong count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
            if (count != ushort.MaxValue)
            {
                return count;
            }

            var locator = at - 20;
            if (locator < 0 || BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(locator)) != Zip64Locator)
            {
                return null;
            }

            var offset = BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(locator + 8));
            if (offset > (ulong)Math.Max(0, length - 56))
            {
                return null;
            }

            var record = new byte[56];
            content.Position = (long)offset;
            await content.ReadExactlyAsync(record, cancellationToken);
            return BinaryPrimitives.ReadUInt32LittleEndian(record) == Zip64EndOfCentralDirectory
                ? BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32))
                : null;
        }

        return null;
    }
}
