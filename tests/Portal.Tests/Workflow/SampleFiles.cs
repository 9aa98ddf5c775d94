using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace KnowledgeHub.Portal.Tests.Workflow;

/// <summary>Small real attachments made in memory (after tests/Documents.Tests/Support/SampleFiles.cs).</summary>
public static class SampleFiles
{
    /// <summary>A Windows executable's first bytes (the MZ header and the DOS stub text).</summary>
    public static readonly byte[] Exe = [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, .. new byte[56], .. "This program cannot be run in DOS mode."u8];

    public static byte[] Pdf(string text)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        page.AddText(text, 12, new PdfPoint(25, 700), font);
        return builder.Build();
    }

    public static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text(text)))));
        }

        return stream.ToArray();
    }

    /// <summary>A PDF padded with a comment to <paramref name="size"/> bytes (still a PDF by its bytes).</summary>
    public static byte[] PdfOfSize(int size)
    {
        var pdf = Pdf("padding");
        var padded = new byte[Math.Max(size, pdf.Length)];
        pdf.CopyTo(padded, 0);
        padded.AsSpan(pdf.Length).Fill((byte)' ');
        return padded;
    }
}
