using System.Security.Cryptography;
using System.Text;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.People;
using KnowledgeHub.Storage;

namespace KnowledgeHub.Portal.Notifications;

/// <summary>
/// Delivers one notification to one person: only when they may read the version it is about (checked for them, not
/// for whoever caused it), only once — a create-only marker <c>notifications/sent/{event}/{user}</c> decides, so a change
/// read twice, or by several nodes, notifies once — into their in-app list, and by e-mail when SMTP is configured (through <see cref="MailOutbox"/>, so a failed send is
/// tried again).
/// </summary>
public sealed partial class NotificationDispatcher(
    IDirectory directory, Inbox inbox, MailSender mail, MailOutbox outbox, NotificationComposer composer, IBlobStore store, ILogger<NotificationDispatcher> logger)
{
    public const string SentPrefix = "notifications/sent/";

    /// <summary>True when this call delivered it (false: not allowed, unknown recipient, or delivered before).</summary>
    public async Task<bool> DeliverAsync(Notification notification, string recipientObjectId, DocumentManifest manifest, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(manifest);
        if (await directory.CallerAsync(recipientObjectId, cancellationToken) is not { } recipient)
        {
            return false;
        }

        if (!DocumentAccess.CanReadVersion(manifest, recipient, version))
        {
            LogWithheld(logger, notification.Kind, manifest.Id, recipientObjectId);
            return false;
        }

        // The e-mail is made before the claim and queued right after it, so nothing slow or failing sits between the two
        // writes: once claimed, the e-mail is in the outbox (retried until sent) before the in-app entry is written.
        var contact = mail.Enabled ? await directory.ContactAsync(recipient.ObjectId, cancellationToken) : null;
        var content = contact is null ? null : composer.Compose(notification, contact.Language);
        var marker = notification.Key + "/" + Safe(recipientObjectId);
        if (!await ClaimAsync(SentPrefix + marker, cancellationToken))
        {
            return false;
        }

        if (contact is not null && content is not null)
        {
            await outbox.SendAsync(Safe(marker), contact.Name, contact.Email, content, cancellationToken);
        }

        await inbox.AddAsync(recipient.ObjectId, notification, cancellationToken);

        return true;
    }

    /// <summary>Creates <paramref name="marker"/> if nobody has; true for the one caller that did.</summary>
    public async Task<bool> ClaimAsync(string marker, CancellationToken cancellationToken)
    {
        try
        {
            await store.WriteAsync(marker, ReadOnlyMemory<byte>.Empty, WriteCondition.IfNotExists, cancellationToken);
            return true;
        }
        catch (BlobConditionFailedException)
        {
            return false;
        }
    }

    /// <summary>A GUID as itself; anything else hashed, so no value can name another blob.</summary>
    public static string Safe(string value) =>
        Guid.TryParse(value, out var id) ? id.ToString("D") : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];

    [LoggerMessage(EventId = 3303, Level = LogLevel.Information,
        Message = "A {Kind} notification of document {DocumentId} was not sent to {ObjectId}, who may not read it")]
    private static partial void LogWithheld(ILogger logger, string kind, string documentId, string objectId);
}
