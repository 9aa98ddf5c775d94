using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using KnowledgeHub.Documents;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace KnowledgeHub.Portal.Tests.Import;

/// <summary>
/// A folder of Markdown (with and without front matter), Word and PDF files made from the real sample documents of
/// content/, each carrying one made-up word of its own (<see cref="Marker"/>) so a search can find exactly that file.
/// </summary>
public static class ImportCorpus
{
    public static readonly string ContentRoot = ContentRootLocator.Locate(null, AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The repository's content folder was not found.");

    /// <summary>A word no sample contains, one per file: letters only, ending in q so no stemmer changes it.</summary>
    public static string Marker(int n)
    {
        var letters = new StringBuilder("zqv");
        do
        {
            letters.Append((char)('a' + (n % 26)));
            n /= 26;
        }
        while (n > 0);
        return letters.Append("xq").ToString();
    }

    /// <summary>Writes <paramref name="markdown"/> + <paramref name="docx"/> + <paramref name="pdf"/> files under <paramref name="root"/>, in folders; returns each file's path → marker.</summary>
    public static Dictionary<string, string> Write(string root, int markdown, int docx, int pdf)
    {
        var samples = Directory.EnumerateFiles(Path.Combine(ContentRoot, "samples"), "*.md").Order(StringComparer.Ordinal)
            .Select(f => FrontMatter.Parse(File.ReadAllText(f))).ToList();
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var n = 0;
        for (var i = 0; i < markdown + docx + pdf; i++, n++)
        {
            var sample = samples[i % samples.Count];
            var marker = Marker(n);
            var folder = Path.Combine(root, sample.GetString("type") ?? "misc", (i % 3).ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            string path;
            if (i < markdown)
            {
                path = Path.Combine(folder, $"doc-{i}.md");
                File.WriteAllText(path, MarkdownFile(sample, marker, withFrontMatter: i % 2 == 0));
            }
            else if (i < markdown + docx)
            {
                path = Path.Combine(folder, $"doc-{i}.docx");
                File.WriteAllBytes(path, WordFile(sample, marker));
            }
            else
            {
                path = Path.Combine(folder, $"doc-{i}.pdf");
                File.WriteAllBytes(path, PdfFile(sample, marker));
            }

            files[Path.GetRelativePath(root, path).Replace('\\', '/')] = marker;
        }

        return files;
    }

    private static string MarkdownFile(FrontMatterDocument sample, string marker, bool withFrontMatter)
    {
        var body = sample.Body.TrimStart('\n') + $"\n\nReference {marker}.\n";
        if (!withFrontMatter)
        {
            return $"# {sample.GetString("title")}\n\n{body}";
        }

        var fields = new List<KeyValuePair<string, object?>>
        {
            new("type", sample.GetString("type")),
            new("title", sample.GetString("title")),
            new("tags", sample.GetList("tags").ToList()),
        };
        return FrontMatter.Write(fields, body);
    }

    private static byte[] WordFile(FrontMatterDocument sample, string marker)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new W.Body(Paragraph("Title", sample.GetString("title") ?? "untitled"));
            foreach (var line in sample.Body.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("<!--", StringComparison.Ordinal)))
            {
                var level = line.TakeWhile(c => c == '#').Count();
                body.Append(level > 0 ? Paragraph("Heading" + Math.Min(level, 6).ToString(CultureInfo.InvariantCulture), line[level..].Trim()) : Paragraph(null, line.TrimStart('-', '*', ' ', '|')));
            }

            body.Append(new W.Paragraph(new W.Run(new W.RunProperties(new W.Bold()), new W.Text("Reference " + marker))));
            main.Document = new W.Document(body);
        }

        return stream.ToArray();
    }

    private static W.Paragraph Paragraph(string? style, string text)
    {
        var paragraph = new W.Paragraph();
        if (style is not null)
        {
            paragraph.Append(new W.ParagraphProperties(new W.ParagraphStyleId { Val = style }));
        }

        paragraph.Append(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    /// <summary>A PDF of the sample's English lines (the standard fonts have no Chinese glyphs), its title in the document information.</summary>
    private static byte[] PdfFile(FrontMatterDocument sample, string marker)
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = Ascii(sample.GetString("title") ?? "") is { Length: > 0 } title ? title : "Imported report";
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        var y = 800.0;
        var lines = sample.Body.Split('\n').Select(l => Ascii(l.TrimStart('#', '-', '*', '|', ' '))).Where(l => l.Length > 2).Take(40).Append("Reference " + marker);
        foreach (var line in lines)
        {
            page.AddText(line.Length > 90 ? line[..90] : line, 10, new PdfPoint(30, y), font);
            y -= 18;
        }

        return builder.Build();
    }

    private static string Ascii(string text) =>
        new string(text.Where(c => c is >= ' ' and <= '~').ToArray()).Trim();
}
