using System.Text;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Documents.Import;

/// <summary>
/// Reads one file of a batch into an <see cref="ImportedFile"/>: Markdown (front matter kept for the fields), Word
/// (<see cref="DocxConverter"/>, the original attached) and PDF (text from <see cref="IPdfTextReader"/>, the PDF attached).
/// Word and PDF files pass the attachment checks first (<see cref="FileTypeDetector"/>: the bytes must be what the name
/// says, Office zip bombs are refused). A file that cannot be read throws <see cref="FormatException"/> with the sentence.
/// </summary>
public sealed class FileConverter(IPdfTextReader pdf, IOptions<AttachmentOptions> attachmentOptions)
{
    /// <summary>The link a Word image gets in the Markdown: the portal's address of that attachment.</summary>
    public static string LinkTo(string documentId, string name) => $"/Documents/{documentId}/Attachments/{Uri.EscapeDataString(name)}";

    public static ImportFileKind? KindOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".md" or ".markdown" => ImportFileKind.Markdown,
        ".docx" => ImportFileKind.Docx,
        ".pdf" => ImportFileKind.Pdf,
        _ => null,
    };

    /// <summary>Keeps a Word original's converted text as its extracted text, so the index does not extract it again.</summary>
    internal Task RememberTextAsync(string sha256, string text, CancellationToken cancellationToken) => pdf.RememberAsync(sha256, text, cancellationToken);

    internal async Task<ImportedFile> ReadAsync(SourceEntry entry, byte[] content, string documentId, string sha256, bool dryRun, CancellationToken cancellationToken)
    {
        var kind = KindOf(entry.Name) ?? throw new FormatException("Not a Word (.docx), PDF or Markdown file.");
        if (content.Length == 0)
        {
            throw new FormatException("The file is empty.");
        }

        return kind switch
        {
            ImportFileKind.Markdown => Markdown(entry, content),
            ImportFileKind.Docx => await DocxAsync(entry, content, documentId, cancellationToken),
            _ => await PdfAsync(entry, content, sha256, dryRun, cancellationToken),
        };
    }

    private static ImportedFile Markdown(SourceEntry entry, byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException("The Markdown file is not UTF-8 text; save it as UTF-8 and import it again.");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new FormatException("The Markdown file holds binary data (NUL characters); it is not a text file.");
        }

        var front = FrontMatter.Parse(text);
        var body = front.Body.TrimStart('\n');
        var headings = TypeGuesser.MarkdownHeadings(body);
        var title = front.GetString("title") ?? FirstH1(body) ?? Stem(entry.Name);
        return new ImportedFile(ImportFileKind.Markdown, title, body, headings, []) { Front = front };
    }

    private async Task<ImportedFile> DocxAsync(SourceEntry entry, byte[] content, string documentId, CancellationToken cancellationToken)
    {
        await CheckBytesAsync(entry.Name, content, AttachmentKind.Docx, cancellationToken);
        var converted = DocxConverter.Convert(content, name => LinkTo(documentId, name));
        var attachments = new List<ImportAttachment> { new(entry.Name, content) };
        attachments.AddRange(converted.Images.Select(image => new ImportAttachment(image.Name, image.Content)));
        return new ImportedFile(ImportFileKind.Docx, converted.Title ?? Stem(entry.Name), converted.Markdown, TypeGuesser.MarkdownHeadings(converted.Markdown), attachments);
    }

    private async Task<ImportedFile> PdfAsync(SourceEntry entry, byte[] content, string sha256, bool dryRun, CancellationToken cancellationToken)
    {
        if (!PdfProbe.IsPdf(content))
        {
            throw new FormatException("The file is named .pdf but is not a PDF.");
        }

        if (PdfProbe.IsEncrypted(content))
        {
            throw new FormatException("The PDF is encrypted (password or permissions protected); remove the protection and import it again.");
        }

        await CheckBytesAsync(entry.Name, content, AttachmentKind.Pdf, cancellationToken);
        var text = await pdf.ReadAsync(content, sha256, keep: !dryRun, cancellationToken);
        if (!text.Succeeded)
        {
            throw new FormatException($"The PDF's text cannot be read: {text.Error}");
        }

        var firstLine = text.Text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        var title = PdfProbe.Title(content) ?? firstLine ?? Stem(entry.Name);
        var body = MarkdownEscape.Paragraphs(text.Text);
        return new ImportedFile(ImportFileKind.Pdf, title, body, TypeGuesser.ShortLines(text.Text), [new ImportAttachment(entry.Name, content)]);
    }

    private async Task CheckBytesAsync(string name, byte[] content, AttachmentKind expected, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content, writable: false);
        var verdict = await FileTypeDetector.DetectAsync(name, stream, attachmentOptions.Value, cancellationToken);
        if (verdict.Kind != expected)
        {
            throw new FormatException(verdict.Refusal ?? $"The file's content is not {AttachmentTypes.Describe(expected)}.");
        }
    }

    private static string? FirstH1(string body) =>
        body.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() is { Length: > 0 } h1 ? h1 : null;

    internal static string Stem(string name) => Path.GetFileNameWithoutExtension(name) is { Length: > 0 } stem ? stem : name;
}
