namespace KnowledgeHub.Cluster.Tests.Support;

/// <summary>Paths of the repository the tests use, next to the shared <c>RepositoryPaths</c>.</summary>
internal static class RepositoryPaths
{
    public static string Root => KnowledgeHub.EndToEnd.Tests.RepositoryPaths.Root;

    public static string Content => Path.Combine(Root, "content");

    /// <summary>Templates shipped in content/templates.</summary>
    public static int TemplateCount => Directory.GetFiles(Path.Combine(Content, "templates"), "*.md").Length;

    /// <summary>The publish output made by this project's build (see the csproj).</summary>
    public static string Release => Path.Combine(AppContext.BaseDirectory, "portal-release");
}
