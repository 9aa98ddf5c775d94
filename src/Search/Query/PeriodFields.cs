using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeHub.Documents;
using Lucene.Net.Documents;
using Lucene.Net.Search;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace KnowledgeHub.Search.Querying;

/// <summary>
/// The days a document is about, for time words: its template field <c>period</c> (<c>2026-05-20 ~ 2026-06-20</c>: the
/// first and last date in it; <c>2026-05</c>: that month), else <c>date</c> (meeting minutes), else the day it was
/// created (UTC). Indexed on document and lesson entries as two Int32 day numbers; a time filter keeps documents whose days
/// overlap its range.
/// </summary>
public static partial class PeriodFields
{
    public const string Start = "period_start";
    public const string End = "period_end";

    public static void Add(LuceneDocument document, DocumentManifest manifest, DocumentVersion version)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(version);
        var (from, to) = Of(version.Metadata, DateOnly.FromDateTime(manifest.CreatedUtc.UtcDateTime));
        document.Add(new Int32Field(Start, from.DayNumber, Field.Store.NO));
        document.Add(new Int32Field(End, to.DayNumber, Field.Store.NO));
    }

    /// <summary>The days of a document with these template fields, <paramref name="created"/> when they name none.</summary>
    public static (DateOnly From, DateOnly To) Of(IReadOnlyDictionary<string, string> metadata, DateOnly created)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        foreach (var key in new[] { "period", "date" })
        {
            if (metadata.TryGetValue(key, out var value) && Read(value) is { } range)
            {
                return range;
            }
        }

        return (created, created);
    }

    /// <summary>Documents whose days overlap <paramref name="from"/>..<paramref name="to"/>; scores nothing.</summary>
    public static Lucene.Net.Search.Query Overlapping(DateOnly from, DateOnly to) =>
        new ConstantScoreQuery(new BooleanQuery(disableCoord: true)
        {
            { NumericRangeQuery.NewInt32Range(Start, null, to.DayNumber, true, true), Occur.MUST },
            { NumericRangeQuery.NewInt32Range(End, from.DayNumber, null, true, true), Occur.MUST },
        }) { Boost = 0f };

    private static (DateOnly, DateOnly)? Read(string value)
    {
        var days = Day().Matches(value).Select(m => Parse(m.Value)).OfType<DateOnly>().ToList();
        if (days.Count > 0)
        {
            var (first, last) = (days.Min(), days.Max());
            return (first, last);
        }

        var month = Month().Match(value);
        if (month.Success && Parse(month.Value + "-01") is { } start)
        {
            return (start, start.AddMonths(1).AddDays(-1));
        }

        return null;
    }

    private static DateOnly? Parse(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    [GeneratedRegex("(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Day();

    [GeneratedRegex("(?<![0-9])[0-9]{4}-[0-9]{2}(?![0-9-])", RegexOptions.CultureInvariant)]
    private static partial Regex Month();
}
