namespace KnowledgeHub.Portal.Notifications;

/// <summary>The kinds of <see cref="Notification"/>.</summary>
public static class NotificationKinds
{
    public const string ReviewRequested = "review-requested";
    public const string ChangesRequested = "changes-requested";
    public const string Approved = "approved";
    public const string ActionAssigned = "action-assigned";
    public const string Digest = "digest";
}

/// <summary>
/// One in-app notification (and the e-mail made from it): what happened (<see cref="Kind"/>), to which document, by
/// whom, with the review comment or the action item. <see cref="Key"/> names the event, so it is delivered once.
/// </summary>
public sealed record Notification(
    string Key,
    DateTimeOffset Utc,
    string Kind,
    string DocumentId,
    string Title,
    string ByName,
    string Comment = "",
    string ItemText = "",
    DateOnly? Due = null);
