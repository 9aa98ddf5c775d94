namespace KnowledgeHub.Search.Extraction;

/// <summary>Finds the extractor dll and the dotnet host that runs it.</summary>
internal static class ExtractorLocator
{
    public const string DllName = "KnowledgeHub.Extractor.dll";

    /// <summary>
    /// The configured path; else <c>extractor/</c> next to the app (copied there by KnowledgeHub.Extractor.targets);
    /// else next to the app; else the newest build under the repository's <c>src/Extractor/bin</c>. Null when none exists.
    /// </summary>
    public static string? FindExtractor(string? configured, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        foreach (var candidate in new[] { Path.Combine(baseDirectory, "extractor", DllName), Path.Combine(baseDirectory, DllName) })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        for (var folder = new DirectoryInfo(baseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "KnowledgeHub.sln")))
            {
                var bin = Path.Combine(folder.FullName, "src", "Extractor", "bin");
                return Directory.Exists(bin)
                    ? Directory.EnumerateFiles(bin, DllName, SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
                    : null;
            }
        }

        return null;
    }

    /// <summary>The configured host; else DOTNET_HOST_PATH; else this process when it is dotnet; else the host of the running runtime; else "dotnet" on the PATH.</summary>
    public static string FindDotnet(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        if (Environment.ProcessPath is { } process && string.Equals(Path.GetFileName(process), exe, StringComparison.OrdinalIgnoreCase))
        {
            return process;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll → <root>/dotnet
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (runtime is not null && Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", exe)) is var root && File.Exists(root))
        {
            return root;
        }

        return exe;
    }
}
