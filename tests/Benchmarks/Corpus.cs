using System.Diagnostics;

namespace KnowledgeHub.Benchmarks;

/// <summary>Where the repository and the extracted LibreOffice help are; fetches the help when it is missing.</summary>
public static class Corpus
{
    /// <summary>The folder with KnowledgeHub.sln, walking up from the working directory, then from the program.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "KnowledgeHub.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (the folder with KnowledgeHub.sln); run from inside the repository.");
    }

    /// <summary>
    /// The help folder (holding zh-CN/ and en-US/) and the package versions; runs scripts/fetch-bench-corpus.sh
    /// first when the corpus has not been extracted yet.
    /// </summary>
    public static async Task<(string HelpRoot, IReadOnlyList<string> Packages)> EnsureAsync(string root, string corpus, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(corpus, root);
        if (!File.Exists(Path.Combine(folder, "extracted.ok")))
        {
            Console.WriteLine($"Fetching the corpus into {folder} (scripts/fetch-bench-corpus.sh)...");
            var start = new ProcessStartInfo("bash") { WorkingDirectory = root };
            start.ArgumentList.Add(Path.Combine(root, "scripts", "fetch-bench-corpus.sh"));
            start.ArgumentList.Add(folder);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"scripts/fetch-bench-corpus.sh failed with exit code {process.ExitCode}.");
            }
        }

        var versions = Path.Combine(folder, "versions.txt");
        var packages = File.Exists(versions) ? await File.ReadAllLinesAsync(versions, cancellationToken) : [];
        return (Path.Combine(folder, "extract", "usr", "share", "libreoffice", "help"), packages);
    }
}
