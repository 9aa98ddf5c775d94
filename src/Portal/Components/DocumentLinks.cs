namespace KnowledgeHub.Portal.Components;

/// <summary>The portal's document URLs, in one place.</summary>
public static class DocumentLinks
{
    public static string View(string id) => "/Documents/" + Uri.EscapeDataString(id);

    public static string Edit(string id) => View(id) + "/Edit";

    public static string Version(string id, int number) => View(id) + "/Versions/" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
