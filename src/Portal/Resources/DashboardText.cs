namespace KnowledgeHub.Portal.Resources;

/// <summary>Marker for the home page and dashboard text (DashboardText.resx is zh-CN, DashboardText.en.resx is English).</summary>
public sealed class DashboardText;
