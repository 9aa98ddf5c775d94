namespace KnowledgeHub.Portal.Resources;

/// <summary>Marker for the text of account (AccountText.resx is zh-CN, AccountText.en.resx is English).</summary>
public sealed class AccountText;
