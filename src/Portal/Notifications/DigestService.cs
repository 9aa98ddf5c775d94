using KnowledgeHub.Documents;
using KnowledgeHub.Portal.People;
using KnowledgeHub.Search;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Notifications;

/// <summary>
/// The daily digest: once a day, after <see cref="NotificationOptions.DigestTime"/> in the portal's time zone, each
/// owner of overdue or soon-due open action items gets one e-mail listing them. One node sends it: the first to create
/// <c>notifications/digest/{day}</c>. Each owner's list comes from the index queried with that owner's own principals,
/// so it never names a document they may not read.
/// </summary>
public sealed partial class DigestService(
    SearchService search,
    IDirectory directory,
    NotificationEvents events,
    NotificationDispatcher dispatcher,
    NotificationComposer composer,
    MailSender mail,
    MailOutbox outbox,
    IEnumerable<IDigestReminders> reminders,
    IOptions<NotificationOptions> options,
    IOptions<PortalSiteOptions> site,
    TimeProvider time,
    ILogger<DigestService> logger) : BackgroundService
{
    public const string MarkerPrefix = "notifications/digest/";

    /// <summary>Who lists every owner's items (never shown to anyone): an Admin reads every document.</summary>
    private static readonly Caller Everything = new() { ObjectId = "notifications-digest", Name = "digest", Roles = [AppRoles.Admin] };

    private DateOnly lastDay;

    /// <summary>Sends the digest of <paramref name="day"/> unless this or another node already did; the number of e-mails sent.</summary>
    public async Task<int> SendAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (!mail.Enabled
            || !await dispatcher.ClaimAsync(MarkerPrefix + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), cancellationToken))
        {
            return 0;
        }

        var horizon = day.AddDays(options.Value.DigestDaysAhead);
        // Every owner with an item due by the horizon, counted over all items (the first thousand by due day left owners out).
        var owners = search.ActionItemLoads(Everything, day, horizon).Where(load => load.DueBy > 0).Select(load => load.Owner).Order(StringComparer.Ordinal).ToList();
        var sent = 0;
        foreach (var handle in owners)
        {
            if (await events.UserOfHandleAsync(handle, cancellationToken) is not { } oid
                || await directory.CallerAsync(oid, cancellationToken) is not { } owner
                || await directory.ContactAsync(oid, cancellationToken) is not { } contact)
            {
                continue;
            }

            var items = search.ListActionItems(new ActionItemQuery { Caller = owner, Today = day, Owner = handle, Max = 200 })
                .Items.Where(i => Due(i, horizon))
                .Select(i => new DigestItem(i.DocumentId, i.DocumentTitle, i.Text, i.Due, i.Overdue))
                .ToList();
            var notes = new List<string>();
            foreach (var source in reminders)
            {
                notes.AddRange(await source.RemindersAsync(owner, day, contact.Language, cancellationToken));
            }

            if (items.Count == 0 && notes.Count == 0)
            {
                continue;
            }

            var content = composer.Digest(items, notes, contact.Language);
            var key = NotificationDispatcher.Safe("digest/" + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "/" + oid);
            if (await outbox.SendAsync(key, contact.Name, contact.Email, content, cancellationToken))
            {
                sent++;
            }
        }

        LogDigest(logger, day, sent);
        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), site.Value.Zone);
                var today = DateOnly.FromDateTime(local.DateTime);
                if (options.Value.Digest && today != lastDay && TimeOnly.FromDateTime(local.DateTime) >= options.Value.DigestTime)
                {
                    await SendAsync(today, stoppingToken);
                    lastDay = today;
                }
            }
            catch (Exception error) when (error is IOException or InvalidOperationException or HttpRequestException)
            {
                LogFailed(logger, error.Message);
            }

            try
            {
                await Task.Delay(options.Value.DigestCheckInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static bool Due(ActionItemHit item, DateOnly horizon) => !item.Done && (item.Overdue || item.Due is { } due && due <= horizon);

    [LoggerMessage(EventId = 3305, Level = LogLevel.Information, Message = "Digest of {Day}: {Count} e-mails sent")]
    private static partial void LogDigest(ILogger logger, DateOnly day, int count);

    [LoggerMessage(EventId = 3306, Level = LogLevel.Warning, Message = "The digest could not be sent this round: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}

/// <summary>Extra lines for a person's digest (the dashboard's reporting cadence: reports not filed yet this period).</summary>
public interface IDigestReminders
{
    Task<IReadOnlyList<string>> RemindersAsync(Caller person, DateOnly day, string language, CancellationToken cancellationToken);
}
