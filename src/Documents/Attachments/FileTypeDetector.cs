using System.Text;

namespace KnowledgeHub.Documents;

/// <summary>The kind a file was found to be, or the sentence why it is refused.</summary>
public sealed record FileTypeVerdict(AttachmentKind? Kind, string? Refusal)
{
    public static FileTypeVerdict Accept(AttachmentKind kind) => new(kind, null);

    public static FileTypeVerdict Refuse(string sentence) => new(null, sentence);
}

/// <summary>
/// Decides a file's type by its bytes (magic numbers), then requires the name's extension to agree.
/// Executables (MZ, ELF, Mach-O, <c>#!</c> scripts) are always refused; Office files are ZIP archives and
/// pass <see cref="OfficeArchiveCheck"/> (zip-bomb limits, then their parts) before anything is opened;
/// TXT and MD must be valid UTF-8 without NUL bytes. Works on a seekable stream (an upload held on disk), reading
/// the head, the ZIP directory or chunks — never the whole file into memory.
/// </summary>
public static class FileTypeDetector
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The head of a file that decides its magic number (and shows an executable).</summary>
    private const int HeadBytes = 64;

    /// <summary>
    /// Decides the kind of <paramref name="content"/>, a seekable stream positioned at the file's first byte (an upload
    /// held on disk): the head decides the magic number, an Office file's ZIP directory is read from the end, text is
    /// checked as UTF-8 in chunks — never the whole file in memory.
    /// </summary>
    public static async Task<FileTypeVerdict> DetectAsync(string fileName, Stream content, AttachmentOptions limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        var head = new byte[HeadBytes];
        var length = await content.ReadAtLeastAsync(head, HeadBytes, throwOnEndOfStream: false, cancellationToken);
        content.Position = 0;
        if (Executable(head.AsSpan(0, length)) is { } program)
        {
            return FileTypeVerdict.Refuse($"'{fileName}' is {program}; programs cannot be attached.");
        }

        var extension = Path.GetExtension(fileName);
        if (AttachmentTypes.KindOfExtension(fileName) is not { } named)
        {
            return FileTypeVerdict.Refuse(
                $"Files of type '{(extension.Length > 0 ? extension : "(no extension)")}' cannot be attached; allowed are {AttachmentTypes.Allowed}.");
        }

        var found = await SniffAsync(head.AsMemory(0, length), content, named, limits, cancellationToken);
        if (found.Kind is not { } actual)
        {
            return found;
        }

        var agrees = actual == named || (actual == AttachmentKind.Text && named == AttachmentKind.Markdown);
        return agrees
            ? FileTypeVerdict.Accept(named)
            : FileTypeVerdict.Refuse($"'{fileName}' is named as {AttachmentTypes.Describe(named)} but its content is {AttachmentTypes.Describe(actual)}.");
    }

    private static async Task<FileTypeVerdict> SniffAsync(ReadOnlyMemory<byte> head, Stream content, AttachmentKind named, AttachmentOptions limits, CancellationToken cancellationToken)
    {
        if (head.Span.StartsWith("%PDF-"u8))
        {
            return FileTypeVerdict.Accept(AttachmentKind.Pdf);
        }

        if (head.Span.StartsWith(Png))
        {
            return FileTypeVerdict.Accept(AttachmentKind.Png);
        }

        if (head.Span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return FileTypeVerdict.Accept(AttachmentKind.Jpeg);
        }

        if (head.Span.StartsWith("PK\u0003\u0004"u8))
        {
            return await OfficeArchiveCheck.CheckAsync(content, limits, cancellationToken);
        }

        if (head.Span.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return FileTypeVerdict.Refuse("The file is an old-format (.doc/.xls/.ppt) or password-protected Office file; save it as DOCX, XLSX or PPTX without a password.");
        }

        if (await IsUtf8TextAsync(content, cancellationToken))
        {
            return FileTypeVerdict.Accept(AttachmentKind.Text);
        }

        return named is AttachmentKind.Text or AttachmentKind.Markdown
            ? FileTypeVerdict.Refuse("The file is not UTF-8 text (it has bytes that are not UTF-8, or NUL bytes); save it as UTF-8 and try again.")
            : FileTypeVerdict.Refuse($"The file's content is not {AttachmentTypes.Describe(named)}, nor any other type that can be attached ({AttachmentTypes.Allowed}).");
    }

    private static string? Executable(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("MZ"u8))
        {
            return "a Windows program (MZ)";
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]))
        {
            return "a Linux program (ELF)";
        }

        if (content.StartsWith("#!"u8))
        {
            return "a script (#!)";
        }

        ReadOnlySpan<uint> machO = [0xFEEDFACE, 0xFEEDFACF, 0xCEFAEDFE, 0xCFFAEDFE, 0xCAFEBABE];
        if (content.Length >= 4 && machO.Contains(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(content)))
        {
            return "a macOS program or Java class (Mach-O)";
        }

        return null;
    }

    /// <summary>Valid UTF-8 without NUL bytes, checked chunk by chunk (a character split between chunks is carried over).</summary>
    private static async Task<bool> IsUtf8TextAsync(Stream content, CancellationToken cancellationToken)
    {
        var decoder = StrictUtf8.GetDecoder();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            content.Position = 0;
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, 81920), cancellationToken)) > 0)
            {
                if (buffer.AsSpan(0, read).Contains((byte)0))
                {
                    return false;
                }

                decoder.GetCharCount(buffer, 0, read, flush: false);
            }

            decoder.GetCharCount([], 0, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
