using System.Globalization;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Notifications;

/// <summary>The real portal with SMTP pointed at an in-test <see cref="SmtpSink"/>; Bob reads his e-mail in English.</summary>
public sealed class NotificationPortal : PortalFactory
{
    public const string PublicUrl = "https://kb.example.test";

    public NotificationPortal()
        : this(new SmtpSink())
    {
    }

    private NotificationPortal(SmtpSink sink)
        : base("Development", new Dictionary<string, string>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Portal:PublicUrl"] = PublicUrl,
            ["Notifications:Digest"] = "false",
            ["LocalUsers:1:Language"] = "en",
            ["Notifications:MailRetryInterval"] = "00:00:01",
            ["Notifications:MailRetryFirstDelay"] = "00:00:01",
        }) => Sink = sink;

    public SmtpSink Sink { get; }

    public async Task<HttpClient> SignedInAsync(string user)
    {
        var client = await CreateReadyClientAsync();
        await client.SignInAsync(user);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Sink.Dispose();
        }
    }
}
