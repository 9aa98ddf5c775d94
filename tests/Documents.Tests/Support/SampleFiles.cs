using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace KnowledgeHub.Documents.Tests.Support;

/// <summary>Small real files of every attachable type, and hostile ones, made in memory.</summary>
public static class SampleFiles
{
    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A 1×1 baseline JPEG.</summary>
    public static readonly byte[] Jpeg = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=");

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

    /// <summary>A PDF padded with spaces to <paramref name="size"/> bytes (still a PDF by its bytes).</summary>
    public static byte[] PdfOfSize(int size)
    {
        var pdf = Pdf("padding");
        var padded = new byte[Math.Max(size, pdf.Length)];
        pdf.CopyTo(padded, 0);
        padded.AsSpan(pdf.Length).Fill((byte)' ');
        return padded;
    }

    public static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text(text)))));
        }

        return stream.ToArray();
    }

    public static byte[] Xlsx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new S.Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new S.Worksheet(new S.SheetData(new S.Row(
                new S.Cell { DataType = S.CellValues.InlineString, InlineString = new S.InlineString(new S.Text(text)) },
                new S.Cell { CellValue = new S.CellValue("42") })));
            workbook.Workbook.AppendChild(new S.Sheets(new S.Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Sheet1" }));
        }

        return stream.ToArray();
    }

    public static byte[] Pptx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            var presentation = document.AddPresentationPart();
            presentation.Presentation = new P.Presentation();
            var slide = presentation.AddNewPart<SlidePart>();
            slide.Slide = new P.Slide(new P.CommonSlideData(new P.ShapeTree(
                new P.Shape(new P.TextBody(new A.BodyProperties(), new A.Paragraph(new A.Run(new A.Text(text))))))));
            presentation.Presentation.SlideIdList = new P.SlideIdList(new P.SlideId { Id = 256U, RelationshipId = presentation.GetIdOfPart(slide) });
        }

        return stream.ToArray();
    }

    /// <summary>A ZIP with an Office content-types part, a word/ part and whatever <paramref name="add"/> puts in.</summary>
    public static byte[] OfficeZip(Action<ZipArchive> add)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", "<Types/>"u8.ToArray());
            Entry(zip, "word/document.xml", "<document/>"u8.ToArray());
            add(zip);
        }

        return stream.ToArray();
    }

    public static void Entry(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        entry.Write(content);
    }

    /// <summary>A DOCX whose central directory claims one entry unpacks to ~4 GB (the bytes stay small).</summary>
    public static byte[] DocxDeclaringHugeSize()
    {
        var zip = Docx("small");
        var signature = new byte[] { 0x50, 0x4B, 0x01, 0x02 };
        var at = zip.AsSpan().IndexOf(signature);
        BitConverter.TryWriteBytes(zip.AsSpan(at + 24, 4), 0xF0000000u);
        return zip;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
