using KnowledgeHub.Documents;

namespace KnowledgeHub.Portal.Access;

/// <summary>Bilingual names and explanations of the confidentiality levels.</summary>
public static class ConfidentialityLabels
{
    public static string Label(Confidentiality level) => level switch
    {
        Confidentiality.Internal => "内部 Internal",
        Confidentiality.Confidential => "机密 Confidential",
        Confidentiality.Restricted => "绝密 Restricted",
        _ => level.ToString(),
    };

    public static string Explain(Confidentiality level) => level switch
    {
        Confidentiality.Internal => "Every signed-in user may read it. 所有登录用户可读。",
        Confidentiality.Confidential => "Only the owner, listed readers and editors (and admins) may read it. 仅负责人、列出的读者和编辑者可读。",
        Confidentiality.Restricted =>
            "As Confidential; only the owner, editors and admins may download it, and it never appears in feeds or search previews. " +
            "同机密，仅负责人、编辑者和管理员可下载，不出现在推荐列表和搜索摘要中。",
        _ => "",
    };
}
