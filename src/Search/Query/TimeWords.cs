using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeHub.Search.Analysis;

namespace KnowledgeHub.Search.Querying;

/// <summary>A time expression read as a date filter: the words as typed and the days it covers (inclusive).</summary>
public sealed record TimeRange(string Phrase, DateOnly From, DateOnly To);

/// <summary>
/// Finds the first time expression of a query, outside quotes, and the days it covers in the caller's calendar:
/// 今天 昨天 本周 上周 本月 上个月 今年 去年 前年, 2025年3月, 2025年, Q1–Q4 and 第三季度 (with or without a year),
/// 上半年/下半年, 本季度/上季度, and today, yesterday, this/last week, this/last month, this/last quarter, this/last year,
/// Q3 2026, H1, "March 2025";
/// and the days up to today: 最近一个月, 近三个月, 过去7天, 近两周, 近半年, past 30 days, last 3 months, past year.
/// Chinese is read after the fold of traditional characters (上個月, 本週, 過去一週). A quarter, half or month without a
/// year is the latest one that has begun. Weeks start on Monday. Numbers such as 618 or 2026 alone are never time words.
/// </summary>
internal static partial class TimeWords
{
    // Part of a longer token is no time word: Q3-Q4, H1/H2, 2025/Q3 are words (and the "-Q4" left over would read as an exclusion).
    private const string Before = @"(?<![A-Za-z0-9_:：\-–/~])";
    private const string After = @"(?![A-Za-z0-9_]|[\-–/~][\p{L}\p{N}])";

    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public static (string Remainder, TimeRange? Range) Extract(string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);

        // The fold is one character to one: a match in the folded text is the same stretch of the text as typed.
        foreach (Match match in Pattern().Matches(CjkFolding.Fold(text)))
        {
            if (InsideQuotes(text, match.Index) || LiteralTokens.Contain(text, match.Index) || Read(match, today) is not { } range)
            {
                continue;
            }

            var rest = (text[..match.Index] + " " + text[(match.Index + match.Length)..]).Trim();
            return (string.Join(' ', rest.Split(' ', StringSplitOptions.RemoveEmptyEntries)), new TimeRange(text.Substring(match.Index, match.Length).Trim(), range.From, range.To));
        }

        return (text, null);
    }

    private static (DateOnly From, DateOnly To)? Read(Match m, DateOnly today)
    {
        int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
        if (year is < 1900 or > 2200)
        {
            return null;
        }

        if (m.Groups["unit"].Success)
        {
            return UpToToday(m.Groups["n"].Success ? m.Groups["n"].Value : "1", m.Groups["unit"].Value.ToLowerInvariant(), today);
        }

        if (m.Groups["rel"].Success)
        {
            return Relative(m.Groups["rel"].Value.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal), today);
        }

        if (m.Groups["q"].Success || m.Groups["qz"].Success)
        {
            var quarter = m.Groups["q"].Success ? m.Groups["q"].Value[0] - '0' : "一二三四1234".IndexOf(m.Groups["qz"].Value[0], StringComparison.Ordinal) % 4 + 1;
            return Latest(year, today, y => new DateOnly(y, (quarter * 3) - 2, 1), start => start.AddMonths(3));
        }

        if (m.Groups["h"].Success)
        {
            var second = m.Groups["h"].Value is "2" or "下半年";
            return Latest(year, today, y => new DateOnly(y, second ? 7 : 1, 1), start => start.AddMonths(6));
        }

        if (m.Groups["m"].Success || m.Groups["mon"].Success)
        {
            var month = m.Groups["m"].Success
                ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture)
                : Array.FindIndex(Months, n => n.StartsWith(m.Groups["mon"].Value.ToLowerInvariant()[..3], StringComparison.Ordinal)) + 1;
            return month is < 1 or > 12 ? null : Latest(year, today, y => new DateOnly(y, month, 1), start => start.AddMonths(1));
        }

        return year is { } whole ? (new DateOnly(whole, 1, 1), new DateOnly(whole, 12, 31)) : null;
    }

    private static (DateOnly, DateOnly)? Relative(string word, DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var month = new DateOnly(today.Year, today.Month, 1);
        var quarter = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        return word switch
        {
            "今天" or "TODAY" => (today, today),
            "昨天" or "YESTERDAY" => (today.AddDays(-1), today.AddDays(-1)),
            "本周" or "这周" or "这一周" or "THISWEEK" => (monday, monday.AddDays(6)),
            "上周" or "上一周" or "LASTWEEK" => (monday.AddDays(-7), monday.AddDays(-1)),
            "本月" or "这个月" or "THISMONTH" => (month, month.AddMonths(1).AddDays(-1)),
            "上个月" or "上月" or "LASTMONTH" => (month.AddMonths(-1), month.AddDays(-1)),
            "本季度" or "这个季度" or "THISQUARTER" => (quarter, quarter.AddMonths(3).AddDays(-1)),
            "上季度" or "上个季度" or "上一季度" or "上一个季度" or "LASTQUARTER" => (quarter.AddMonths(-3), quarter.AddDays(-1)),
            "今年" or "THISYEAR" => (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)),
            "去年" or "LASTYEAR" => (new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31)),
            "前年" => (new DateOnly(today.Year - 2, 1, 1), new DateOnly(today.Year - 2, 12, 31)),
            _ => null,
        };
    }

    /// <summary>
    /// The <paramref name="count"/> days, weeks, months or years that end today (最近一个月 on 29 November: from 30 October);
    /// 半年 is six months. Null for a count that is none (零, 0) or no number.
    /// </summary>
    private static (DateOnly, DateOnly)? UpToToday(string count, string unit, DateOnly today)
    {
        var half = count == "半";
        if (half && unit != "年")
        {
            return null;
        }

        var n = half ? 6 : Number(count.ToLowerInvariant());
        DateOnly? first = unit[0] switch
        {
            _ when n < 1 => null,
            '天' or '日' or 'd' => today.AddDays(1 - n),
            '周' or '星' or 'w' => today.AddDays(1 - (7 * n)),
            '个' or '月' or 'm' => today.AddMonths(-n).AddDays(1),
            _ when half => today.AddMonths(-6).AddDays(1),
            _ => today.AddYears(-n).AddDays(1),
        };
        return first is { } from ? (from, today) : null;
    }

    /// <summary>A count as typed: digits, a Chinese numeral up to 99 (三, 两, 十二, 三十), or an English one up to twelve.</summary>
    private static int Number(string count)
    {
        if (int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var digits))
        {
            return digits;
        }

        if (Array.IndexOf(EnglishNumbers, count) is >= 0 and var english)
        {
            return english + 1;
        }

        const string units = "一二三四五六七八九";
        var value = count.Replace('两', '二');
        var ten = value.IndexOf('十', StringComparison.Ordinal);
        int Digit(string part) => part.Length == 1 && units.Contains(part[0], StringComparison.Ordinal) ? units.IndexOf(part[0], StringComparison.Ordinal) + 1 : -1;
        if (ten < 0)
        {
            return Digit(value);
        }

        var tens = ten == 0 ? 1 : Digit(value[..ten]);
        var ones = ten == value.Length - 1 ? 0 : Digit(value[(ten + 1)..]);
        return tens < 0 || ones < 0 ? -1 : (tens * 10) + ones;
    }

    private static readonly string[] EnglishNumbers = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    /// <summary>The period in <paramref name="year"/>, or without a year the latest one that has begun by <paramref name="today"/>.</summary>
    private static (DateOnly, DateOnly) Latest(int? year, DateOnly today, Func<int, DateOnly> start, Func<DateOnly, DateOnly> next)
    {
        var first = start(year ?? today.Year);
        if (year is null && first > today)
        {
            first = start(today.Year - 1);
        }

        return (first, next(first).AddDays(-1));
    }

    private static bool InsideQuotes(string text, int index) =>
        text.AsSpan(0, index).Count('"') % 2 == 1 || text.AsSpan(0, index).Count('“') > text.AsSpan(0, index).Count('”');

    [GeneratedRegex(
        Before + "(?:" +
        @"(?<![接将附靠亲])(?:最近|近|过去)\s*(?<n>[0-9]{1,3}|[一二两三四五六七八九十]{1,3}|半)\s*(?<unit>天|日|周|星期|个?月|年)" +
        @"|(?:(?:past|last|previous)\s+(?<n>[0-9]{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|past)\s+(?<unit>days?|weeks?|months?|years?)" +
        @"|(?<rel>今天|昨天|本周|这一?周|上一?周|本月|这个月|上个?月|本季度|这个季度|上一?个?季度|今年|去年|前年|today|yesterday|this\s+week|last\s+week|this\s+month|last\s+month|this\s+quarter|last\s+quarter|this\s+year|last\s+year)" +
        @"|(?:(?<y>[0-9]{4})\s*年?\s*)?(?:Q(?<q>[1-4])|第(?<qz>[一二三四1-4])季度)(?:\s*(?<y>[0-9]{4})(?![0-9]))?" +
        @"|(?:(?<y>[0-9]{4})\s*年?\s*)?(?:H(?<h>[12])|(?<h>上半年|下半年))(?:\s*(?<y>[0-9]{4})(?![0-9]))?" +
        @"|(?<y>[0-9]{4})\s*年\s*(?<m>1[0-2]|0?[1-9])\s*月" +
        @"|(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?<y>[0-9]{4})(?![0-9])" +
        @"|(?<y>[0-9]{4})\s*年(?!\s*[0-9])" +
        ")" + After,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
