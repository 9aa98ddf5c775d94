namespace KnowledgeHub.Portal.Resources;

/// <summary>Marker for the text of admin (AdminText.resx is zh-CN, AdminText.en.resx is English).</summary>
public sealed class AdminText;
