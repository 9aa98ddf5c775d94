namespace KnowledgeHub.EndToEnd.Tests;

internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The portal built in the same configuration as this test assembly.</summary>
    public static string PortalAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            var path = Path.Combine(Root, "src", "Portal", "bin", configuration, "net10.0", "KnowledgeHub.Portal.dll");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"The portal is not built at {path}: run `dotnet build -c {configuration}` first.");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KnowledgeHub.sln not found above " + AppContext.BaseDirectory);
    }
}
