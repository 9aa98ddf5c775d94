using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace KnowledgeHub.Documents.Export;

/// <summary>The few styles an exported Word file uses, with Word's built-in names (so an import reads them back as headings).</summary>
internal static class DocxStyles
{
    public static W.Styles Create()
    {
        var styles = new W.Styles(
            new W.DocDefaults(new W.RunPropertiesDefault(new W.RunPropertiesBaseStyle(
                new W.RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", EastAsia = "Microsoft YaHei" },
                new W.FontSize { Val = "22" }))),
            Style("Normal", "Normal", null, null),
            Style("Title", "Title", "44", null),
            Style("ListParagraph", "List Paragraph", null, null),
            Style("Quote", "Quote", null, null, italic: true),
            Style("Code", "Code", "20", null));
        for (var level = 1; level <= 6; level++)
        {
            styles.Append(Style($"Heading{level}", $"heading {level}", (36 - (level * 4)).ToString(System.Globalization.CultureInfo.InvariantCulture), level - 1));
        }

        return styles;
    }

    public static W.Paragraph Paragraph(string? style, params OpenXmlElement[] runs)
    {
        var paragraph = new W.Paragraph(new W.ParagraphProperties());
        if (style is not null)
        {
            paragraph.ParagraphProperties!.ParagraphStyleId = new W.ParagraphStyleId { Val = style };
        }

        paragraph.Append(runs);
        return paragraph;
    }

    private static W.Style Style(string id, string name, string? size, int? outline, bool italic = false)
    {
        var style = new W.Style(new W.StyleName { Val = name }) { Type = W.StyleValues.Paragraph, StyleId = id };
        if (id != "Normal")
        {
            style.Append(new W.BasedOn { Val = "Normal" });
        }

        if (outline is { } level)
        {
            style.Append(new W.StyleParagraphProperties(new W.KeepNext(), new W.OutlineLevel { Val = level }));
        }

        var run = new W.StyleRunProperties();
        if (size is not null)
        {
            run.Append(new W.Bold(), new W.FontSize { Val = size });
        }

        if (italic)
        {
            run.Append(new W.Italic());
        }

        style.Append(run);
        return style;
    }
}
