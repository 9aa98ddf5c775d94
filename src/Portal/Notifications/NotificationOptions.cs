using System.ComponentModel.DataAnnotations;

namespace KnowledgeHub.Portal.Notifications;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>TLS on port 465, STARTTLS when the server offers it otherwise.</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>Section <c>Smtp</c>: e-mail is sent only when <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, "KnowledgeHub &lt;noreply@example.com&gt;" or an address.</summary>
    public string From { get; set; } = "KnowledgeHub <noreply@knowledgehub.local>";

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Section <c>Portal</c>: the address people open the portal at (links in e-mails) and its time zone.</summary>
public sealed class PortalSiteOptions
{
    public const string SectionName = "Portal";

    /// <summary>The portal's public address, e.g. https://kb.example.com (links in e-mails); none: e-mails carry paths only.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>An IANA or Windows time zone id; the team's "today", the digest hour and reporting periods follow it.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>An absolute link when <see cref="PublicUrl"/> is set, otherwise the path.</summary>
    public string Link(string path) =>
        string.IsNullOrWhiteSpace(PublicUrl) ? path : PublicUrl.TrimEnd('/') + path;
}

/// <summary>Section <c>Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>When the daily digest of due and overdue action items goes out, in the portal's time zone.</summary>
    public TimeOnly DigestTime { get; set; } = new(8, 30);

    /// <summary>Whether the daily digest is sent at all.</summary>
    public bool Digest { get; set; } = true;

    /// <summary>How often the digest service looks at the clock.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DigestCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Items due within this many days (and overdue ones) are in the digest.</summary>
    [Range(0, 30)]
    public int DigestDaysAhead { get; set; } = 1;

    /// <summary>How often each node looks for e-mails to try again (<see cref="MailOutbox"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MailRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after the first failed send; it doubles after each further failure.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MailRetryFirstDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MailRetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts before an e-mail is given up (kept under notifications/undeliverable/ and logged as an error).</summary>
    [Range(1, 100)]
    public int MailMaxAttempts { get; set; } = 12;

    /// <summary>How long a node holds a message it is sending before another node may take it.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan MailLease { get; set; } = TimeSpan.FromMinutes(5);
}
