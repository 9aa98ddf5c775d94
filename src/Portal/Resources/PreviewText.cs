namespace KnowledgeHub.Portal.Resources;

/// <summary>Marker for the PDF preview's text (PreviewText.resx is zh-CN, PreviewText.en.resx is English).</summary>
public sealed class PreviewText;
