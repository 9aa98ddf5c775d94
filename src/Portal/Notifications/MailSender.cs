using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KnowledgeHub.Portal.Notifications;

/// <summary>Sends e-mail through MailKit when <c>Smtp:Host</c> is set; otherwise does nothing (and says so once per message at Debug).</summary>
public sealed partial class MailSender(IOptions<SmtpOptions> options, ILogger<MailSender> logger)
{
    public bool Enabled => options.Value.Enabled;

    /// <summary>Sends one message; false when SMTP is not configured or the server refused it (logged).</summary>
    public async Task<bool> SendAsync(string toName, string toAddress, string subject, string text, string html, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return false;
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(new MailboxAddress(toName, toAddress));
        message.Subject = subject;
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        try
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(settings.Host!, settings.Port, Security(settings.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            return true;
        }
        catch (Exception error) when (error is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException
            or MailKit.Net.Smtp.SmtpCommandException or MailKit.Security.AuthenticationException or SslHandshakeException)
        {
            LogSendFailed(logger, settings.Host!, error.Message);
            return false;
        }
    }

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "Sending an e-mail through {Host} failed: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string host, string reason);
}
