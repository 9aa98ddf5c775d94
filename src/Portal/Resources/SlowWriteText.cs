namespace KnowledgeHub.Portal.Resources;

/// <summary>Marker for the answer to a write storage did not confirm in time (SlowWriteText.resx is zh-CN, SlowWriteText.en.resx is English).</summary>
public sealed class SlowWriteText;
