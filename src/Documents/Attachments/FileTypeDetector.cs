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
/// TXT and MD must be valid UTF-8 without NUL bytes.
/// </summary>
public static class FileTypeDetector
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static FileTypeVerdict Detect(string fileName, ReadOnlyMemory<byte> content, AttachmentOptions limits)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(limits);
        if (Executable(content.Span) is { } program)
        {
            return FileTypeVerdict.Refuse($"'{fileName}' is {program}; programs cannot be attached.");
        }

        var extension = Path.GetExtension(fileName);
        if (AttachmentTypes.KindOfExtension(fileName) is not { } named)
        {
            return FileTypeVerdict.Refuse(
                $"Files of type '{(extension.Length > 0 ? extension : "(no extension)")}' cannot be attached; allowed are {AttachmentTypes.Allowed}.");
        }

        var found = Sniff(content, named, limits);
        if (found.Kind is not { } actual)
        {
            return found;
        }

        var agrees = actual == named || (actual == AttachmentKind.Text && named == AttachmentKind.Markdown);
        return agrees
            ? FileTypeVerdict.Accept(named)
            : FileTypeVerdict.Refuse($"'{fileName}' is named as {AttachmentTypes.Describe(named)} but its content is {AttachmentTypes.Describe(actual)}.");
    }

    private static FileTypeVerdict Sniff(ReadOnlyMemory<byte> memory, AttachmentKind named, AttachmentOptions limits)
    {
        var content = memory.Span;
        if (content.StartsWith("%PDF-"u8))
        {
            return FileTypeVerdict.Accept(AttachmentKind.Pdf);
        }

        if (content.StartsWith(Png))
        {
            return FileTypeVerdict.Accept(AttachmentKind.Png);
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return FileTypeVerdict.Accept(AttachmentKind.Jpeg);
        }

        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return OfficeArchiveCheck.Check(memory, limits);
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return FileTypeVerdict.Refuse("The file is an old-format (.doc/.xls/.ppt) or password-protected Office file; save it as DOCX, XLSX or PPTX without a password.");
        }

        if (IsUtf8Text(content))
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

    private static bool IsUtf8Text(ReadOnlySpan<byte> content)
    {
        if (content.Contains((byte)0))
        {
            return false;
        }

        try
        {
            StrictUtf8.GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
