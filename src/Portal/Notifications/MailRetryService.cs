using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Notifications;

/// <summary>
/// Every <see cref="NotificationOptions.MailRetryInterval"/>, tries again the e-mails of <see cref="MailOutbox"/> whose
/// next attempt is due (every node runs it; the outbox's hold makes one node send each message).
/// </summary>
public sealed partial class MailRetryService(
    MailOutbox outbox, MailSender mail, IOptions<NotificationOptions> options, TimeProvider time, ILogger<MailRetryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!mail.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.MailRetryInterval, time, stoppingToken);
                await outbox.RetryDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is IOException || Outage.StorageFaults.IsStorageOutage(error))
            {
                LogFailed(logger, error.Message); // storage unreachable this round: the next round tries again
            }
        }
    }

    [LoggerMessage(EventId = 3310, Level = LogLevel.Warning, Message = "The e-mail outbox could not be read this round: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
