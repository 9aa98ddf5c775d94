namespace KnowledgeHub.Portal.Resources;

/// <summary>Marker for the text of search (SearchText.resx is zh-CN, SearchText.en.resx is English).</summary>
public sealed class SearchText;
