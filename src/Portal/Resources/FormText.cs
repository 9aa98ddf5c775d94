namespace KnowledgeHub.Portal.Resources;

/// <summary>Marker for the text of form (FormText.resx is zh-CN, FormText.en.resx is English).</summary>
public sealed class FormText;
