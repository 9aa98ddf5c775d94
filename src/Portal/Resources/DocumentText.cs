namespace KnowledgeHub.Portal.Resources;

/// <summary>Marker for the text of document (DocumentText.resx is zh-CN, DocumentText.en.resx is English).</summary>
public sealed class DocumentText;
