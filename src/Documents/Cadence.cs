using System.Globalization;

namespace KnowledgeHub.Documents;

/// <summary>How often a type is expected: every week (Monday to Sunday) or every calendar month.</summary>
public enum CadencePeriod
{
    Weekly,
    Monthly,
}

/// <summary>Who is expected to file: each team (group) or each person.</summary>
public enum CadenceScope
{
    Team,
    Person,
}

/// <summary>
/// A type's reporting rhythm, from its template's front matter: <c>cadence: weekly|monthly</c>, <c>due: Monday 10:00</c>
/// (weekly: a day and a time of the period's week) or <c>due: 5 18:00</c> (monthly: a day of the month and a time),
/// <c>per: team|person</c>. Without <c>due</c> a report is due at the end of its period. Times are the portal's local time.
/// </summary>
public sealed record ReportingCadence(CadencePeriod Period, CadenceScope Per, DayOfWeek? DueDay, int? DueDayOfMonth, TimeOnly? DueTime)
{
    /// <summary>The first day of the period that holds <paramref name="day"/>.</summary>
    public DateOnly PeriodStart(DateOnly day) => Period == CadencePeriod.Weekly
        ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7))
        : new DateOnly(day.Year, day.Month, 1);

    /// <summary>The last day of the period that holds <paramref name="day"/>.</summary>
    public DateOnly PeriodEnd(DateOnly day) => Period == CadencePeriod.Weekly
        ? PeriodStart(day).AddDays(6)
        : PeriodStart(day).AddMonths(1).AddDays(-1);

    /// <summary>When the report of the period holding <paramref name="day"/> is due (local time).</summary>
    public DateTime DueIn(DateOnly day)
    {
        var start = PeriodStart(day);
        var time = DueTime ?? new TimeOnly(23, 59);
        if (Period == CadencePeriod.Weekly && DueDay is { } weekday)
        {
            return start.AddDays(((int)weekday + 6) % 7).ToDateTime(time);
        }

        if (Period == CadencePeriod.Monthly && DueDayOfMonth is { } dom)
        {
            return start.AddDays(Math.Min(dom, DateTime.DaysInMonth(start.Year, start.Month)) - 1).ToDateTime(time);
        }

        return PeriodEnd(day).ToDateTime(time);
    }

    /// <summary>Reads the three front-matter values; null when <paramref name="cadence"/> is empty. Throws <see cref="FormatException"/> naming the value.</summary>
    public static ReportingCadence? Parse(string? cadence, string? due, string? per, string templateKey)
    {
        if (string.IsNullOrWhiteSpace(cadence))
        {
            return null;
        }

        var period = TemplateParser.ParseEnum(cadence, CadencePeriod.Weekly, "cadence");
        var scope = TemplateParser.ParseEnum(per, CadenceScope.Team, "per");
        if (string.IsNullOrWhiteSpace(due))
        {
            return new ReportingCadence(period, scope, null, null, null);
        }

        var parts = due.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        TimeOnly? time = null;
        if (parts.Length == 2 && TimeOnly.TryParseExact(parts[1], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            time = parsed;
        }
        else if (parts.Length != 1)
        {
            throw new FormatException($"The template '{templateKey}' has due: '{due}'; write it as 'Monday 10:00' (weekly) or '5 18:00' (monthly).");
        }

        if (period == CadencePeriod.Weekly)
        {
            return Enum.TryParse<DayOfWeek>(parts[0], ignoreCase: true, out var weekday) && Enum.IsDefined(weekday)
                ? new ReportingCadence(period, scope, weekday, null, time)
                : throw new FormatException($"The template '{templateKey}' has due: '{due}'; a weekly report is due on a day name such as Monday.");
        }

        return int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var dayOfMonth) && dayOfMonth is >= 1 and <= 31
            ? new ReportingCadence(period, scope, null, dayOfMonth, time)
            : throw new FormatException($"The template '{templateKey}' has due: '{due}'; a monthly report is due on a day of the month (1–31).");
    }
}
