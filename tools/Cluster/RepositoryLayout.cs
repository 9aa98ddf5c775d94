namespace KnowledgeHub.Cluster;

/// <summary>Where the repository's parts are: its root, the built portal, the content folder and Azurite.</summary>
public static class RepositoryLayout
{
    /// <summary>The folder holding KnowledgeHub.sln, searched upwards from the working directory and from this assembly.</summary>
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    /// <summary>The portal built in the same configuration as this assembly (Release or Debug).</summary>
    public static string PortalAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(Root, "src", "Portal", "bin", configuration, "net10.0", "KnowledgeHub.Portal.dll");
        }
    }

    /// <summary>Azurite's blob service from the repository's npm packages (scripts/install-test-tools.sh installs it).</summary>
    public static string AzuriteBlob =>
        Path.Combine(Root, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-blob.cmd" : "azurite-blob");

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "KnowledgeHub.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException($"KnowledgeHub.sln was not found above {Directory.GetCurrentDirectory()} nor {AppContext.BaseDirectory}; run the cluster from the repository.");
    }
}
