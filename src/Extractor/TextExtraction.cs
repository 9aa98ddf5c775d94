using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using A = DocumentFormat.OpenXml.Drawing;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace KnowledgeHub.Extractor;

/// <summary>Text of each supported type, one paragraph (or row, or slide line) per line.</summary>
internal static class TextExtraction
{
    private static readonly OpenSettings Settings = new() { MaxCharactersInPart = 64L * 1024 * 1024, AutoSave = false };

    public static bool IsKnownType(string type) => type is "pdf" or "docx" or "xlsx" or "pptx" or "txt" or "md";

    public static void Extract(string type, byte[] content, TextWriter output)
    {
        switch (type)
        {
            case "pdf":
                Pdf(content, output);
                break;
            case "docx":
                Docx(content, output);
                break;
            case "xlsx":
                Xlsx(content, output);
                break;
            case "pptx":
                Pptx(content, output);
                break;
            default:
                output.Write(new UTF8Encoding(false, true).GetString(content).TrimStart('\uFEFF'));
                break;
        }
    }

    private static void Pdf(byte[] content, TextWriter output)
    {
        using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = false });
        foreach (var page in document.GetPages())
        {
            output.WriteLine(ContentOrderTextExtractor.GetText(page));
        }
    }

    private static void Docx(byte[] content, TextWriter output)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var document = WordprocessingDocument.Open(stream, false, Settings);
        var body = document.MainDocumentPart?.Document?.Body;
        foreach (var paragraph in body?.Descendants<W.Paragraph>() ?? [])
        {
            WriteLine(output, paragraph.InnerText);
        }
    }

    private static void Xlsx(byte[] content, TextWriter output)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var document = SpreadsheetDocument.Open(stream, false, Settings);
        var workbook = document.WorkbookPart;
        var shared = workbook?.SharedStringTablePart?.SharedStringTable?.Elements<S.SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        foreach (var sheet in workbook?.WorksheetParts ?? [])
        {
            foreach (var row in sheet.Worksheet?.Descendants<S.Row>() ?? [])
            {
                var cells = row.Elements<S.Cell>().Select(cell => CellText(cell, shared)).Where(t => t.Length > 0);
                WriteLine(output, string.Join('\t', cells));
            }
        }
    }

    private static string CellText(S.Cell cell, List<string> shared)
    {
        var value = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == S.CellValues.SharedString)
        {
            return int.TryParse(value, out var index) && index >= 0 && index < shared.Count ? shared[index] : "";
        }

        return cell.DataType?.Value == S.CellValues.InlineString ? cell.InlineString?.InnerText ?? "" : value;
    }

    private static void Pptx(byte[] content, TextWriter output)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var document = PresentationDocument.Open(stream, false, Settings);
        var presentation = document.PresentationPart;
        var slideIds = presentation?.Presentation?.SlideIdList?.Elements<DocumentFormat.OpenXml.Presentation.SlideId>() ?? [];
        foreach (var slideId in slideIds)
        {
            if (slideId.RelationshipId?.Value is { } rel && presentation!.GetPartById(rel) is SlidePart slide)
            {
                foreach (var paragraph in slide.Slide?.Descendants<A.Paragraph>() ?? [])
                {
                    WriteLine(output, paragraph.InnerText);
                }
            }
        }
    }

    private static void WriteLine(TextWriter output, string text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            output.WriteLine(text.Trim());
        }
    }
}
