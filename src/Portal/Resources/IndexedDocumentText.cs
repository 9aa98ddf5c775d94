namespace KnowledgeHub.Portal.Resources;

/// <summary>Marker for the text of a document page answered from the search index during a storage outage (IndexedDocumentText.resx is zh-CN, IndexedDocumentText.en.resx is English).</summary>
public sealed class IndexedDocumentText;
