using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace KnowledgeHub.Documents.Tests.Import;

/// <summary>Word documents as people write them, made with OpenXml: styles, numbering, tables, runs, links and images.</summary>
public static class WordFiles
{
    /// <summary>A .docx of <paramref name="build"/>'s paragraphs, with heading styles (Chinese style ids, English names), bullet and decimal numbering.</summary>
    public static byte[] Create(Action<WordBuilder> build, string? title = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            if (title is not null)
            {
                document.PackageProperties.Title = title;
            }

            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new W.Styles(
                Style("1", "heading 1"), Style("2", "heading 2"), Style("a5", "Title"));
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new W.Numbering(
                new W.AbstractNum(new W.Level(new W.NumberingFormat { Val = W.NumberFormatValues.Bullet }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
                new W.AbstractNum(new W.Level(new W.NumberingFormat { Val = W.NumberFormatValues.Decimal }) { LevelIndex = 0 }) { AbstractNumberId = 2 },
                new W.NumberingInstance(new W.AbstractNumId { Val = 1 }) { NumberID = 1 },
                new W.NumberingInstance(new W.AbstractNumId { Val = 2 }) { NumberID = 2 });
            var body = new W.Body();
            build(new WordBuilder(main, body));
            main.Document = new W.Document(body);
        }

        return stream.ToArray();
    }

    private static W.Style Style(string id, string name) => new(new W.StyleName { Val = name }) { Type = W.StyleValues.Paragraph, StyleId = id };
}

public sealed class WordBuilder(MainDocumentPart main, W.Body body)
{
    private uint pictures;

    public WordBuilder Styled(string styleId, string text)
    {
        body.Append(new W.Paragraph(new W.ParagraphProperties(new W.ParagraphStyleId { Val = styleId }), new W.Run(new W.Text(text))));
        return this;
    }

    public WordBuilder Heading(int level, string text) => Styled(level.ToString(System.Globalization.CultureInfo.InvariantCulture), text);

    public WordBuilder Paragraph(params OpenXmlElement[] runs)
    {
        body.Append(new W.Paragraph(runs));
        return this;
    }

    public WordBuilder Text(string text) => Paragraph(Run(text));

    public WordBuilder Bullet(string text) => ListItem(1, text);

    public WordBuilder Numbered(string text) => ListItem(2, text);

    public WordBuilder Table(params string[][] rows)
    {
        body.Append(new W.Table(rows.Select(row => new W.TableRow(row.Select(cell => new W.TableCell(new W.Paragraph(new W.Run(new W.Text(cell)))))))));
        return this;
    }

    public WordBuilder Link(string text, string url)
    {
        var relationship = main.AddHyperlinkRelationship(new Uri(url), true);
        body.Append(new W.Paragraph(new W.Hyperlink(new W.Run(new W.Text(text))) { Id = relationship.Id }));
        return this;
    }

    public WordBuilder Image(byte[] png, string description)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(png))
        {
            part.FeedData(stream);
        }

        var id = ++pictures;
        var graphic = new A.Graphic(new A.GraphicData(
            new PIC.Picture(
                new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = id, Name = "picture" }, new PIC.NonVisualPictureDrawingProperties()),
                new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
                new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 990000, Cy = 792000 }), new A.PresetGeometry { Preset = A.ShapeTypeValues.Rectangle })))
        { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" });
        var inline = new DW.Inline(new DW.Extent { Cx = 990000, Cy = 792000 }, new DW.DocProperties { Id = id, Name = "picture", Description = description }, graphic);
        body.Append(new W.Paragraph(new W.Run(new W.Drawing(inline))));
        return this;
    }

    public static W.Run Run(string text, bool bold = false, bool italic = false)
    {
        var run = new W.Run();
        if (bold || italic)
        {
            var properties = new W.RunProperties();
            if (bold)
            {
                properties.Append(new W.Bold());
            }

            if (italic)
            {
                properties.Append(new W.Italic());
            }

            run.Append(properties);
        }

        run.Append(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private WordBuilder ListItem(int numbering, string text)
    {
        body.Append(new W.Paragraph(
            new W.ParagraphProperties(new W.NumberingProperties(new W.NumberingLevelReference { Val = 0 }, new W.NumberingId { Val = numbering })),
            new W.Run(new W.Text(text))));
        return this;
    }
}
