using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;

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

    public static FileTypeVerdict Check(ReadOnlyMemory<byte> content, AttachmentOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (DeclaredEntryCount(content.Span) is not { } count)
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
            var stream = MemoryMarshal.TryGetArray(content, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(content.ToArray(), writable: false);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            entries = zip.Entries.Select(e => (e.FullName, e.Length, e.CompressedLength)).ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            return FileTypeVerdict.Refuse("The file is a damaged ZIP archive.");
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
    private static ulong? DeclaredEntryCount(ReadOnlySpan<byte> content)
    {
        const int eocdSize = 22;
        var earliest = Math.Max(0, content.Length - eocdSize - ushort.MaxValue);
        for (var at = content.Length - eocdSize; at >= earliest; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(content[at..]) != EndOfCentralDirectory)
            {
                continue;
            }

            ulong count = BinaryPrimitives.ReadUInt16LittleEndian(content[(at + 10)..]);
            if (count != ushort.MaxValue)
            {
                return count;
            }

            var locator = at - 20;
            if (locator < 0 || BinaryPrimitives.ReadUInt32LittleEndian(content[locator..]) != Zip64Locator)
            {
                return null;
            }

            var offset = BinaryPrimitives.ReadUInt64LittleEndian(content[(locator + 8)..]);
            if (offset > (ulong)(content.Length - 56) || BinaryPrimitives.ReadUInt32LittleEndian(content[(int)offset..]) != Zip64EndOfCentralDirectory)
            {
                return null;
            }

            return BinaryPrimitives.ReadUInt64LittleEndian(content[((int)offset + 32)..]);
        }

        return null;
    }
}
