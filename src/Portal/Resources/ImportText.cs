namespace KnowledgeHub.Portal.Resources;

/// <summary>Marker for the import and export pages' text (ImportText.resx is zh-CN, ImportText.en.resx is English).</summary>
public sealed class ImportText;
