namespace KnowledgeHub.Portal.Resources;

/// <summary>Marker for the REST API's problem titles and sentences (ApiText.resx is zh-CN, ApiText.en.resx is English).</summary>
public sealed class ApiText;
