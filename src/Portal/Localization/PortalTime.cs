using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KnowledgeHub.Portal.Resources;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Localization;

/// <summary>
/// Every time the portal shows, in one place: in the user's time zone (the time zone cookie, else
/// <c>Portal:TimeZone</c>), formatted for the UI culture, as an absolute time or relative ("3 天前" / "3 days ago")
/// with the absolute time in a <c>&lt;time datetime=… title=…&gt;</c>.
/// </summary>
public sealed class PortalTime(IHttpContextAccessor http, IOptions<PortalTimeOptions> options, TimeProvider clock, IStringLocalizer<LayoutText> text)
{
    /// <summary>The cookie that holds a user's own time zone (set on the preferences page).</summary>
    public const string CookieName = "KnowledgeHub.TimeZone";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private TimeZoneInfo? _zone;

    /// <summary>The time zone of this request: the user's choice when it is a known zone, otherwise the configured default.</summary>
    public TimeZoneInfo Zone => _zone ??=
        (http.HttpContext?.Request.Cookies[CookieName] is { } chosen ? FindZone(chosen) : null)
        ?? FindZone(options.Value.TimeZone)
        ?? TimeZoneInfo.Utc;

    /// <summary>The configured default zone's id.</summary>
    public string DefaultZoneId => options.Value.TimeZone;

    /// <summary>True when the user chose a zone of their own (the cookie holds a known zone).</summary>
    public bool IsUserChoice => http.HttpContext?.Request.Cookies[CookieName] is { } chosen && FindZone(chosen) is not null;

    /// <summary>A zone by IANA or Windows id; null when this machine does not know it.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 100)
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;
    }

    /// <summary>The wall-clock time in the user's zone.</summary>
    public DateTime Local(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone).DateTime;

    /// <summary>Date and time for the UI culture ("2026/12/5 0:17" in zh-CN, "12/5/2026 12:17 AM" in English).</summary>
    public string Absolute(DateTimeOffset time) => Local(time).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>The date alone, for the UI culture.</summary>
    public string Date(DateTimeOffset time) => Local(time).ToString("d", CultureInfo.CurrentCulture);

    /// <summary>A calendar day (a due date: no zone) for the UI culture.</summary>
    public static string Day(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>"刚刚", "5 分钟前", "3 天前" / "just now", "5 minutes ago", "3 days ago"; past a month, the date.</summary>
    public string Relative(DateTimeOffset time)
    {
        var ago = clock.GetUtcNow() - time;
        if (ago < TimeSpan.Zero)
        {
            return Absolute(time); // a clock ahead of ours: say when, not "in the future"
        }

        return ago.TotalMinutes switch
        {
            < 1 => text["TimeJustNow"],
            < 2 => text["TimeMinuteAgo"],
            < 60 => text["TimeMinutesAgo", (int)ago.TotalMinutes],
            < 120 => text["TimeHourAgo"],
            < 24 * 60 => text["TimeHoursAgo", (int)ago.TotalHours],
            < 2 * 24 * 60 => text["TimeDayAgo"],
            < 30 * 24 * 60 => text["TimeDaysAgo", (int)ago.TotalDays],
            _ => Date(time),
        };
    }

    /// <summary>Machine-readable UTC for <c>datetime</c> attributes.</summary>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The zone's short description for titles ("Asia/Shanghai").</summary>
    public string ZoneName => Zone.Id;

    /// <summary>A <c>&lt;time&gt;</c> element: relative text (in lists) or absolute, with the absolute time and zone as its title.</summary>
    public string TagHtml(DateTimeOffset time, bool relative = true)
    {
        var absolute = Absolute(time);
        var shown = relative ? Relative(time) : absolute;
        return $"<time datetime=\"{Iso(time)}\" title=\"{Encoder.Encode(absolute + " (" + ZoneName + ")")}\">{Encoder.Encode(shown)}</time>";
    }

    /// <summary><see cref="TagHtml"/> for Razor pages.</summary>
    public IHtmlContent Tag(DateTimeOffset time, bool relative = true) => new HtmlString(TagHtml(time, relative));
}
