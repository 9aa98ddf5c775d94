namespace KnowledgeHub.Portal.Resources;

/// <summary>Marker for the people pickers' and access page's text (PeopleText.resx is zh-CN, PeopleText.en.resx is English).</summary>
public sealed class PeopleText;
