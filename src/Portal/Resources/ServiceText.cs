namespace KnowledgeHub.Portal.Resources;

/// <summary>Marker for the text of outage answers, rate limits and API tokens (ServiceText.resx is zh-CN, ServiceText.en.resx is English).</summary>
public sealed class ServiceText;
