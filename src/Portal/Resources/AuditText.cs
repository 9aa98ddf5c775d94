namespace KnowledgeHub.Portal.Resources;

/// <summary>Marker for the audit page's text (AuditText.resx is zh-CN, AuditText.en.resx is English).</summary>
public sealed class AuditText;
