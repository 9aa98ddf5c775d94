namespace KnowledgeHub.Portal.Resources;

/// <summary>Marker for the text of review (ReviewText.resx is zh-CN, ReviewText.en.resx is English).</summary>
public sealed class ReviewText;
