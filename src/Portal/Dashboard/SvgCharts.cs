using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace KnowledgeHub.Portal.Dashboard;

/// <summary>One bar of a chart: a label and its stacked parts (value, colour index).</summary>
public sealed record ChartBar(string Label, IReadOnlyList<int> Parts);

/// <summary>
/// Charts drawn on the server as SVG: <c>role="img"</c> with a <c>&lt;title&gt;</c> and <c>&lt;desc&gt;</c> that say
/// what they show (the page puts the same numbers in a table beside them). Colours are presentation attributes, so the
/// strict Content-Security-Policy (no inline style) holds; no script, no external file.
/// </summary>
public static class SvgCharts
{
    /// <summary>Colour-blind-safe colours (Okabe–Ito), one per series.</summary>
    public static readonly IReadOnlyList<string> Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"];

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Horizontal stacked bars, one row per label.</summary>
    public static IHtmlContent HorizontalBars(string id, string title, string description, IReadOnlyList<ChartBar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        const int Row = 26, LabelWidth = 150, BarWidth = 300;
        var max = Math.Max(1, bars.Select(b => b.Parts.Sum()).DefaultIfEmpty(0).Max());
        var height = Math.Max(1, bars.Count) * Row + 8;
        var svg = Open(id, title, description, LabelWidth + BarWidth + 50, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var y = i * Row + 4;
            svg.Append(Text(LabelWidth - 6, y + 16, bars[i].Label, "end"));
            var x = (double)LabelWidth;
            for (var p = 0; p < bars[i].Parts.Count; p++)
            {
                var width = bars[i].Parts[p] * (double)BarWidth / max;
                svg.Append(Rect(x, y, width, Row - 8, Palette[p % Palette.Count]));
                x += width;
            }

            svg.Append(Text(x + 4, y + 16, bars[i].Parts.Sum().ToString(CultureInfo.CurrentCulture), "start"));
        }

        return Close(svg);
    }

    /// <summary>Vertical stacked columns, one per label (months).</summary>
    public static IHtmlContent Columns(string id, string title, string description, IReadOnlyList<ChartBar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        const int Column = 56, Height = 160, Top = 18, Bottom = 24;
        var max = Math.Max(1, bars.Select(b => b.Parts.Sum()).DefaultIfEmpty(0).Max());
        var svg = Open(id, title, description, Math.Max(1, bars.Count) * Column + 10, Top + Height + Bottom);
        for (var i = 0; i < bars.Count; i++)
        {
            var x = i * Column + 10;
            var y = (double)(Top + Height);
            for (var p = 0; p < bars[i].Parts.Count; p++)
            {
                var h = bars[i].Parts[p] * (double)Height / max;
                y -= h;
                svg.Append(Rect(x, y, Column - 16, h, Palette[p % Palette.Count]));
            }

            svg.Append(Text(x + (Column - 16) / 2.0, y - 4, bars[i].Parts.Sum().ToString(CultureInfo.CurrentCulture), "middle"));
            svg.Append(Text(x + (Column - 16) / 2.0, Top + Height + 16, bars[i].Label, "middle"));
        }

        return Close(svg);
    }

    private static StringBuilder Open(string id, string title, string description, int width, int height) =>
        new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" id=\"{Encoder.Encode(id)}\" role=\"img\" aria-labelledby=\"{Encoder.Encode(id)}-title {Encoder.Encode(id)}-desc\" ")
            .Append(CultureInfo.InvariantCulture, $"viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{Encoder.Encode(id)}-title\">{Encoder.Encode(title)}</title>")
            .Append(CultureInfo.InvariantCulture, $"<desc id=\"{Encoder.Encode(id)}-desc\">{Encoder.Encode(description)}</desc>");

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static string Rect(double x, double y, double width, double height, string fill) =>
        string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{width:0.#}\" height=\"{height:0.#}\" fill=\"{fill}\"></rect>");

    private static string Text(double x, double y, string text, string anchor) =>
        string.Create(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" font-size=\"12\" fill=\"#222\">{Encoder.Encode(text)}</text>");
}
