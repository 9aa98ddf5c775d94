using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace KnowledgeHub.Documents.Import;

/// <summary>An image found in a Word document, to attach under <see cref="Name"/>.</summary>
public sealed record DocxImage(string Name, byte[] Content);

/// <summary>A Word document as Markdown: its title, the body and the images the body links to.</summary>
public sealed record DocxMarkdown(string? Title, string Markdown, IReadOnlyList<DocxImage> Images);

/// <summary>
/// Word (DOCX) → Markdown with DocumentFormat.OpenXml: headings (by the style's built-in name, so localized style ids
/// work), bulleted and numbered lists with nesting, tables (the first row as header), bold, italic, links (http,
/// https and mailto only) and images (PNG and JPEG become attachments the Markdown links to). The title is the
/// document's Title property, else a paragraph in the Title style, else the first heading.
/// Throws <see cref="FormatException"/> when the file cannot be read as a Word document.
/// </summary>
public static class DocxConverter
{
    private static readonly OpenSettings Settings = new() { MaxCharactersInPart = 64L * 1024 * 1024, AutoSave = false };

    /// <param name="content">The .docx bytes.</param>
    /// <param name="imageUrl">The link an attached image gets in the Markdown, from its attachment name.</param>
    public static DocxMarkdown Convert(ReadOnlyMemory<byte> content, Func<string, string> imageUrl)
    {
        ArgumentNullException.ThrowIfNull(imageUrl);
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            using var document = WordprocessingDocument.Open(stream, false, Settings);
            var main = document.MainDocumentPart ?? throw new NoBodyException();
            var writer = new DocxMarkdownWriter(main, imageUrl);
            var body = main.Document?.Body;
            foreach (var block in body?.ChildElements ?? Enumerable.Empty<OpenXmlElement>())
            {
                writer.Block(block);
            }

            var title = Clean(document.PackageProperties.Title) ?? writer.TitleParagraph ?? writer.FirstHeading;
            return new DocxMarkdown(title, writer.Markdown(), writer.Images);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or InvalidOperationException or NotSupportedException or (FormatException and not NoBodyException))
        {
            throw new FormatException("The Word document cannot be read: it is damaged or not a .docx file.", e);
        }
    }

    private sealed class NoBodyException() : FormatException("The Word document has no body.");

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The block-by-block writer behind <see cref="DocxConverter"/>.</summary>
internal sealed class DocxMarkdownWriter(MainDocumentPart main, Func<string, string> imageUrl)
{
    private readonly StringBuilder output = new();
    private readonly List<DocxImage> images = [];
    private readonly Dictionary<string, string> imageNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> headingStyles = HeadingStyles(main);
    private bool inList;

    public IReadOnlyList<DocxImage> Images => images;

    public string? TitleParagraph { get; private set; }

    public string? FirstHeading { get; private set; }

    public string Markdown() => output.ToString().Trim() + "\n";

    public void Block(OpenXmlElement block)
    {
        switch (block)
        {
            case W.Paragraph paragraph:
                Paragraph(paragraph);
                break;
            case W.Table table:
                Table(table);
                break;
            case W.SdtBlock sdt:
                foreach (var inner in sdt.SdtContentBlock?.ChildElements ?? Enumerable.Empty<OpenXmlElement>())
                {
                    Block(inner);
                }

                break;
        }
    }

    private void Paragraph(W.Paragraph paragraph)
    {
        var text = Inline(paragraph).Trim();
        var level = HeadingLevel(paragraph);
        var numbering = paragraph.ParagraphProperties?.NumberingProperties;
        if (text.Length == 0)
        {
            return;
        }

        if (level == 0)
        {
            TitleParagraph ??= MarkdownEscape.Unescape(text);
            return;
        }

        if (level > 0)
        {
            FirstHeading ??= MarkdownEscape.Unescape(text);
            Separate();
            output.Append(new string('#', level)).Append(' ').Append(text).Append("\n\n");
            return;
        }

        if (numbering?.NumberingId?.Val?.Value is { } numberingId && numberingId != 0)
        {
            var depth = numbering.NumberingLevelReference?.Val?.Value ?? 0;
            var marker = IsBullet(numberingId, depth) ? "- " : "1. ";
            output.Append(new string(' ', Math.Clamp(depth, 0, 8) * 3)).Append(marker).Append(text).Append('\n');
            inList = true;
            return;
        }

        Separate();
        output.Append(text).Append("\n\n");
    }

    private void Separate()
    {
        if (inList)
        {
            output.Append('\n');
            inList = false;
        }
    }

    private void Table(W.Table table)
    {
        Separate();
        var rows = table.Elements<W.TableRow>()
            .Select(row => row.Elements<W.TableCell>().Select(cell => string.Join(" ", cell.Elements<W.Paragraph>().Select(p => Inline(p).Trim()).Where(t => t.Length > 0)).Replace("|", "\\|", StringComparison.Ordinal)).ToList())
            .Where(cells => cells.Count > 0)
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var width = rows.Max(r => r.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].Concat(Enumerable.Repeat("", width - rows[i].Count));
            output.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
            if (i == 0)
            {
                output.Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", width))).Append('\n');
            }
        }

        output.Append('\n');
    }

    private string Inline(OpenXmlElement container)
    {
        var builder = new StringBuilder();
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case W.Run run:
                    builder.Append(Run(run));
                    break;
                case W.Hyperlink link:
                    var label = Inline(link).Trim();
                    var uri = link.Id?.Value is { } rel ? main.HyperlinkRelationships.FirstOrDefault(h => h.Id == rel)?.Uri : null;
                    builder.Append(uri is not null && uri.IsAbsoluteUri && uri.Scheme is "http" or "https" or "mailto" && label.Length > 0
                        ? $"[{label}](<{uri.AbsoluteUri.Replace(">", "%3E", StringComparison.Ordinal)}>)"
                        : label);
                    break;
                case W.SimpleField or W.SdtRun or W.InsertedRun:
                    builder.Append(Inline(child));
                    break;
            }
        }

        return builder.ToString();
    }

    private string Run(W.Run run)
    {
        var text = new StringBuilder();
        foreach (var part in run.ChildElements)
        {
            switch (part)
            {
                case W.Text t:
                    text.Append(MarkdownEscape.Escape(t.Text));
                    break;
                case W.TabChar:
                    text.Append(' ');
                    break;
                case W.Break or W.CarriageReturn:
                    text.Append(' ');
                    break;
                case W.Drawing drawing:
                    text.Append(Image(drawing));
                    break;
            }
        }

        var value = text.ToString();
        if (value.Trim().Length == 0 || value.StartsWith("![", StringComparison.Ordinal))
        {
            return value;
        }

        var properties = run.RunProperties;
        var marker = (On(properties?.Bold), On(properties?.Italic)) switch
        {
            (true, true) => "***",
            (true, false) => "**",
            (false, true) => "*",
            _ => "",
        };
        if (marker.Length == 0)
        {
            return value;
        }

        // Emphasis must hug the text: keep surrounding spaces outside the markers.
        var trimmed = value.Trim();
        var lead = value[..value.IndexOf(trimmed[0], StringComparison.Ordinal)];
        var tail = value[(lead.Length + trimmed.Length)..];
        return lead + marker + trimmed + marker + tail;
    }

    private string Image(W.Drawing drawing)
    {
        var blip = drawing.Descendants<A.Blip>().FirstOrDefault();
        if (blip?.Embed?.Value is not { } rel || main.GetPartById(rel) is not ImagePart part)
        {
            return "";
        }

        var extension = part.ContentType switch
        {
            "image/png" => ".png",
            "image/jpeg" => ".jpg",
            _ => null,
        };
        if (extension is null)
        {
            return "";
        }

        if (!imageNames.TryGetValue(rel, out var name))
        {
            name = $"image-{images.Count + 1}{extension}";
            using var stream = part.GetStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            images.Add(new DocxImage(name, copy.ToArray()));
            imageNames[rel] = name;
        }

        var alt = drawing.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().FirstOrDefault()?.Description?.Value ?? name;
        return $"![{MarkdownEscape.Escape(alt)}](<{imageUrl(name)}>)";
    }

    /// <summary>-1 for body text, 0 for the Title style, 1–6 for headings.</summary>
    private int HeadingLevel(W.Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        if (properties?.ParagraphStyleId?.Val?.Value is { } styleId && headingStyles.TryGetValue(styleId, out var level))
        {
            return level;
        }

        return properties?.OutlineLevel?.Val?.Value is { } outline && outline < 6 ? outline + 1 : -1;
    }

    private bool IsBullet(int numberingId, int depth)
    {
        var numbering = main.NumberingDefinitionsPart?.Numbering;
        var instance = numbering?.Elements<W.NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numberingId);
        var abstractId = instance?.AbstractNumId?.Val?.Value;
        var definition = numbering?.Elements<W.AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
        var format = definition?.Elements<W.Level>().FirstOrDefault(l => l.LevelIndex?.Value == depth)?.NumberingFormat?.Val;
        return format is null || format.Value == W.NumberFormatValues.Bullet;
    }

    private static bool On(W.OnOffType? flag) => flag is not null && (flag.Val is null || flag.Val.Value);

    /// <summary>Style id → heading level, from the styles' built-in names ("heading 1", "Title"), which Word keeps in English.</summary>
    private static Dictionary<string, int> HeadingStyles(MainDocumentPart main)
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var level = 1; level <= 6; level++)
        {
            map[$"Heading{level}"] = level;
        }

        map["Title"] = 0;
        foreach (var style in main.StyleDefinitionsPart?.Styles?.Elements<W.Style>() ?? [])
        {
            var name = style.StyleName?.Val?.Value?.Trim().ToLowerInvariant();
            if (style.StyleId?.Value is not { } id || name is null)
            {
                continue;
            }

            if (name == "title")
            {
                map[id] = 0;
            }
            else if (name.StartsWith("heading ", StringComparison.Ordinal) && int.TryParse(name["heading ".Length..], out var level) && level is >= 1 and <= 6)
            {
                map[id] = level;
            }
        }

        return map;
    }
}
