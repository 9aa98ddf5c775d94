namespace KnowledgeHub.Portal.Resources;

/// <summary>Marker for the layout's text (LayoutText.resx is zh-CN, LayoutText.en.resx is English).</summary>
public sealed class LayoutText;
