using System.Globalization;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Notifications;
using KnowledgeHub.Portal.Resources;
using Microsoft.Extensions.Localization;

namespace KnowledgeHub.Portal.Dashboard;

/// <summary>The digest's reminder: a report of the person's team not filed this period and due by the end of the day.</summary>
public sealed class CadenceReminders(DashboardView dashboard, IStringLocalizer<NotificationText> text) : IDigestReminders
{
    public async Task<IReadOnlyList<string>> RemindersAsync(Caller person, DateOnly day, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var (previous, previousFormat) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            var culture = CultureInfo.GetCultureInfo(language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-CN");
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (culture, culture);
            var endOfDay = day.ToDateTime(new TimeOnly(23, 59));
            var teams = person.Groups.Select(Caller.GroupPrincipal).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return (await dashboard.CadenceAsync(person, endOfDay, cancellationToken))
                .SelectMany(c => c.Entries
                    .Where(e => e.FiledDocumentId is null && c.Due <= endOfDay && (teams.Contains(e.Who) || e.Who == person.Principal))
                    .Select(e => text["DigestCadence", $"{c.TypeName} · {e.WhoName}", c.Due.ToString("g", culture)].Value))
                .ToList();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (previous, previousFormat);
        }
    }
}
