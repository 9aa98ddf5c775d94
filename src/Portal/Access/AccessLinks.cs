using KnowledgeHub.Portal.Components;

namespace KnowledgeHub.Portal.Access;

/// <summary>The URLs of the access pages.</summary>
public static class AccessLinks
{
    public static string Access(string id) => DocumentLinks.View(id) + "/Access";

    public static string Download(string id) => DocumentLinks.View(id) + "/Download";

    public const string Audit = "/Admin/Audit";

    public const string AuditExport = "/Admin/Audit/Export";
}
