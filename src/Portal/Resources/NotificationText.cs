namespace KnowledgeHub.Portal.Resources;

/// <summary>Marker for notifications' text, in e-mails and in the portal (NotificationText.resx is zh-CN, NotificationText.en.resx is English).</summary>
public sealed class NotificationText;
