using System.Globalization;
using KnowledgeHub.Portal.Components;

namespace KnowledgeHub.Portal.Workflow;

/// <summary>The URLs of the history, review and attachment pages, in one place.</summary>
public static class WorkflowLinks
{
    public const string Conformance = "/Documents/Conformance";

    public static string History(string id) => DocumentLinks.View(id) + "/History";

    public static string Compare(string id, int from, int to) =>
        string.Create(CultureInfo.InvariantCulture, $"{DocumentLinks.View(id)}/Compare?from={from}&to={to}");

    public static string Attachments(string id) => DocumentLinks.View(id) + "/Attachments";

    public static string Attachment(string id, string name) => Attachments(id) + "/" + Uri.EscapeDataString(name);

    /// <summary>The raw inline bytes, for the sandboxed frame.</summary>
    public static string AttachmentPreview(string id, string name) => Attachment(id, name) + "/Preview";

    /// <summary>The page that shows the preview frame.</summary>
    public static string AttachmentView(string id, string name) => Attachment(id, name) + "/View";
}
