namespace KnowledgeHub.Portal.Resources;

/// <summary>Marker for the search page's query notes, time-filter chip and "matched via" (SearchQueryText.resx is zh-CN, .en.resx English).</summary>
public sealed class SearchQueryText;
