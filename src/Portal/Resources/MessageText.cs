namespace KnowledgeHub.Portal.Resources;

/// <summary>Marker for the text of message (MessageText.resx is zh-CN, MessageText.en.resx is English).</summary>
public sealed class MessageText;
