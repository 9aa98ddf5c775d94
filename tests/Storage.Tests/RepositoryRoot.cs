namespace KnowledgeHub.Storage.Tests;

public static class RepositoryRoot
{
    /// <summary>The folder holding KnowledgeHub.sln, found by walking up from the test assembly.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "KnowledgeHub.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No KnowledgeHub.sln above {AppContext.BaseDirectory}.");
    }
}
