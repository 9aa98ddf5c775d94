using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KnowledgeHub.Portal.Components;
using KnowledgeHub.Portal.Localization;
using KnowledgeHub.Portal.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Notifications;

/// <summary>An e-mail: subject, plain text and HTML.</summary>
public sealed record MailContent(string Subject, string Text, string Html);

/// <summary>Writes notifications as e-mails in the recipient's language (zh-CN by default), linked to the portal.</summary>
public sealed class NotificationComposer(IStringLocalizer<NotificationText> text, IOptions<PortalSiteOptions> site)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The one-line sentence of a notification in the current UI language (also the in-app list's text).</summary>
    public string Sentence(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var by = string.IsNullOrEmpty(notification.ByName) ? text["Someone"].Value : notification.ByName;
        return text["Body_" + notification.Kind, by, notification.Title];
    }

    public MailContent Compose(Notification notification, string language)
    {
        ArgumentNullException.ThrowIfNull(notification);
        using var _ = new UiCulture(language);
        var link = site.Value.Link(DocumentLinks.View(notification.DocumentId));
        var lines = new List<string> { Sentence(notification) };
        if (!string.IsNullOrEmpty(notification.ItemText))
        {
            lines.Add(text["Item", notification.ItemText]);
        }

        if (notification.Due is { } due)
        {
            lines.Add(text["Due", due.ToString("d", CultureInfo.CurrentCulture)]);
        }

        if (!string.IsNullOrEmpty(notification.Comment))
        {
            lines.Add(text["Comment", notification.Comment]);
        }

        var subject = text["Subject_" + notification.Kind, notification.Title];
        var plain = string.Join("\n\n", lines) + $"\n\n{text["Open"]}: {link}\n\n-- \n{text["Footer"]}\n";
        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        foreach (var line in lines)
        {
            html.Append("<p>").Append(Encoder.Encode(line)).Append("</p>");
        }

        html.Append("<p><a href=\"").Append(Encoder.Encode(link)).Append("\">").Append(Encoder.Encode(text["Open"])).Append("</a></p>")
            .Append("<p style=\"color:#666\">").Append(Encoder.Encode(text["Footer"])).Append("</p></body></html>");
        return new MailContent(subject, plain, html.ToString());
    }

    /// <summary>The daily digest: the items, each linked, and the reporting periods not yet filed.</summary>
    public MailContent Digest(IReadOnlyList<DigestItem> items, IReadOnlyList<string> reminders, string language)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(reminders);
        using var _ = new UiCulture(language);
        var plain = new StringBuilder(text["DigestIntro"]).Append("\n\n");
        var html = new StringBuilder("<!DOCTYPE html><html><body><p>").Append(Encoder.Encode(text["DigestIntro"])).Append("</p><ul>");
        foreach (var item in items)
        {
            var link = site.Value.Link(DocumentLinks.View(item.DocumentId));
            var due = item.Due is { } d ? " · " + text["Due", d.ToString("d", CultureInfo.CurrentCulture)] : "";
            var overdue = item.Overdue ? $" ({text["Overdue"]})" : "";
            plain.Append("- ").Append(item.Text).Append(due).Append(overdue).Append(" — ").Append(item.Title).Append(' ').Append(link).Append('\n');
            html.Append("<li>").Append(Encoder.Encode(item.Text + due + overdue)).Append(" — <a href=\"").Append(Encoder.Encode(link)).Append("\">")
                .Append(Encoder.Encode(item.Title)).Append("</a></li>");
        }

        html.Append("</ul>");
        foreach (var reminder in reminders)
        {
            plain.Append('\n').Append(reminder).Append('\n');
            html.Append("<p>").Append(Encoder.Encode(reminder)).Append("</p>");
        }

        var all = site.Value.Link("/Actions");
        plain.Append('\n').Append(text["DigestOpenAll"]).Append(": ").Append(all).Append("\n\n-- \n").Append(text["Footer"]).Append('\n');
        html.Append("<p><a href=\"").Append(Encoder.Encode(all)).Append("\">").Append(Encoder.Encode(text["DigestOpenAll"])).Append("</a></p>")
            .Append("<p style=\"color:#666\">").Append(Encoder.Encode(text["Footer"])).Append("</p></body></html>");
        return new MailContent(text["DigestSubject", items.Count], plain.ToString(), html.ToString());
    }

    /// <summary>Sets the UI culture for the text written inside it and puts the previous one back.</summary>
    private readonly struct UiCulture : IDisposable
    {
        private readonly CultureInfo previous;
        private readonly CultureInfo previousFormat;

        public UiCulture(string language)
        {
            (previous, previousFormat) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
            var culture = PortalLocalization.SupportedCultures.FirstOrDefault(c =>
                    string.Equals(c.Name, language, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(c.TwoLetterISOLanguageName, language.Split('-')[0], StringComparison.OrdinalIgnoreCase))
                ?? CultureInfo.GetCultureInfo(PortalLocalization.DefaultCulture);
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previousFormat;
        }
    }
}

/// <summary>One line of the digest.</summary>
public sealed record DigestItem(string DocumentId, string Title, string Text, DateOnly? Due, bool Overdue);
