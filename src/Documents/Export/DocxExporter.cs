using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace KnowledgeHub.Documents.Export;

/// <summary>
/// One document as a Word file, written with DocumentFormat.OpenXml from the Markdig parse of its Markdown: the title,
/// headings in Word's heading styles (so Word's navigation pane and table of contents work), paragraphs with bold,
/// italic and code, links (http, https, mailto), bulleted and numbered lists, tables and quotes. Raw HTML (the
/// templates' guidance comments) is left out; images appear as their alt text.
/// </summary>
public static class DocxExporter
{
    public static byte[] Write(string title, string markdown)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(markdown);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = title;
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = DocxStyles.Create();
            var body = new W.Body();
            body.Append(DocxStyles.Paragraph("Title", new W.Run(new W.Text(title))));
            var writer = new DocxBlocks(main);
            foreach (var block in Markdown.Parse(markdown, MarkdownPipelines.Default))
            {
                body.Append(writer.Block(block, 0));
            }

            main.Document = new W.Document(body);
        }

        return stream.ToArray();
    }
}

/// <summary>Markdig blocks and inlines → Word paragraphs, runs and tables.</summary>
internal sealed class DocxBlocks(MainDocumentPart main)
{
    public IEnumerable<OpenXmlElement> Block(Block block, int depth)
    {
        switch (block)
        {
            case HeadingBlock heading:
                yield return DocxStyles.Paragraph($"Heading{Math.Clamp(heading.Level, 1, 6)}", [.. Inlines(heading.Inline, default)]);
                break;
            case ParagraphBlock paragraph:
                yield return DocxStyles.Paragraph(null, [.. Inlines(paragraph.Inline, default)]);
                break;
            case ListBlock list:
                var number = 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{number++}. " : "• ";
                    var first = true;
                    foreach (var child in item)
                    {
                        if (first && child is ParagraphBlock p)
                        {
                            var paragraph = DocxStyles.Paragraph("ListParagraph", [new W.Run(new W.Text(marker) { Space = SpaceProcessingModeValues.Preserve }), .. Inlines(p.Inline, default)]);
                            paragraph.ParagraphProperties!.Append(new W.Indentation { Left = ((depth + 1) * 360).ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "360" });
                            yield return paragraph;
                        }
                        else
                        {
                            foreach (var inner in Block(child, depth + 1))
                            {
                                yield return inner;
                            }
                        }

                        first = false;
                    }
                }

                break;
            case Table table:
                yield return Table(table);
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    foreach (var inner in Block(child, depth))
                    {
                        if (inner is W.Paragraph p)
                        {
                            p.ParagraphProperties ??= new W.ParagraphProperties();
                            p.ParagraphProperties.ParagraphStyleId = new W.ParagraphStyleId { Val = "Quote" };
                        }

                        yield return inner;
                    }
                }

                break;
            case CodeBlock code:
                foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                {
                    yield return DocxStyles.Paragraph("Code", new W.Run(new W.Text(line.ToString()) { Space = SpaceProcessingModeValues.Preserve }));
                }

                break;
            case ThematicBreakBlock:
                yield return DocxStyles.Paragraph(null, new W.Run(new W.Text("———")));
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    foreach (var inner in Block(child, depth))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private W.Table Table(Table table)
    {
        var result = new W.Table(new W.TableProperties(
            new W.TableStyle { Val = "TableGrid" },
            new W.TableWidth { Type = W.TableWidthUnitValues.Pct, Width = "5000" },
            new W.TableBorders(
                new W.TopBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 })));
        foreach (var row in table.OfType<TableRow>())
        {
            var cells = row.OfType<TableCell>().Select(cell =>
            {
                var runs = cell.OfType<ParagraphBlock>().SelectMany(p => Inlines(p.Inline, default)).ToList();
                return new W.TableCell(DocxStyles.Paragraph(null, [.. runs]));
            });
            var tableRow = new W.TableRow(cells);
            if (row.IsHeader)
            {
                // Repeated on every page; Word shows the header row in the table style's header format.
                tableRow.PrependChild(new W.TableRowProperties(new W.TableHeader()));
            }

            result.Append(tableRow);
        }

        return result;
    }

    private IEnumerable<OpenXmlElement> Inlines(ContainerInline? container, Emphasis style)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    yield return Run(literal.Content.ToString(), style);
                    break;
                case CodeInline code:
                    yield return Run(code.Content, style with { Code = true });
                    break;
                case LineBreakInline:
                    yield return Run(" ", style);
                    break;
                case EmphasisInline emphasis:
                    var strong = emphasis.DelimiterCount >= 2;
                    foreach (var run in Inlines(emphasis, style with { Bold = style.Bold || strong, Italic = style.Italic || !strong || emphasis.DelimiterCount >= 3 }))
                    {
                        yield return run;
                    }

                    break;
                case LinkInline { IsImage: true } image:
                    yield return Run($"[{string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()))}]", style with { Italic = true });
                    break;
                case LinkInline link:
                    yield return Link(link, style);
                    break;
                case AutolinkInline auto:
                    yield return Run(auto.Url, style);
                    break;
                case ContainerInline inner:
                    foreach (var run in Inlines(inner, style))
                    {
                        yield return run;
                    }

                    break;
            }
        }
    }

    private OpenXmlElement Link(LinkInline link, Emphasis style)
    {
        var runs = Inlines(link, style).ToList();
        if (!Uri.TryCreate(link.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "mailto"))
        {
            return new W.Run(runs.SelectMany(r => r.ChildElements).Select(e => e.CloneNode(true)));
        }

        var relationship = main.AddHyperlinkRelationship(uri, isExternal: true);
        foreach (var run in runs.OfType<W.Run>())
        {
            run.RunProperties ??= new W.RunProperties();
            run.RunProperties.Append(new W.Color { Val = "0563C1" }, new W.Underline { Val = W.UnderlineValues.Single });
        }

        return new W.Hyperlink(runs) { Id = relationship.Id };
    }

    private static W.Run Run(string text, Emphasis style)
    {
        var run = new W.Run();
        if (style.Bold || style.Italic || style.Code)
        {
            var properties = new W.RunProperties();
            if (style.Bold)
            {
                properties.Append(new W.Bold());
            }

            if (style.Italic)
            {
                properties.Append(new W.Italic());
            }

            if (style.Code)
            {
                properties.Append(new W.RunFonts { Ascii = "Consolas", HighAnsi = "Consolas" });
            }

            run.Append(properties);
        }

        run.Append(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private readonly record struct Emphasis(bool Bold, bool Italic, bool Code);
}
