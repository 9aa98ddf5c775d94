namespace KnowledgeHub.Benchmarks.Cluster;

/// <summary>
/// An imported store kept between benchmark runs (<c>--seed FOLDER</c>): <c>FOLDER/docs-N/azurite</c> holds Azurite's files
/// after an import of N documents and <c>ids.txt</c> their ids (written last, so a seed interrupted while saved is not used).
/// A run starts from a copy, so the seed itself never changes.
/// </summary>
public static class SeededStore
{
    /// <summary>Copies the seed for <paramref name="documents"/> into <paramref name="runFolder"/>/azurite; the ids, or null when there is none.</summary>
    public static async Task<List<string>?> TryCopyAsync(string seed, int documents, string runFolder, CancellationToken cancellationToken)
    {
        var folder = Folder(seed, documents);
        var ids = Path.Combine(folder, "ids.txt");
        if (!File.Exists(ids))
        {
            return null;
        }

        Copy(Path.Combine(folder, "azurite"), Path.Combine(runFolder, "azurite"));
        return [.. await File.ReadAllLinesAsync(ids, cancellationToken)];
    }

    /// <summary>
    /// Keeps Azurite's files after an import. Azurite writes its metadata every 5 s, so this waits 6 s without writes
    /// first (nothing writes between the import and the first node's start).
    /// </summary>
    public static async Task SaveAsync(string seed, int documents, string azuriteFolder, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(6), cancellationToken);
        var folder = Folder(seed, documents);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Copy(azuriteFolder, Path.Combine(folder, "azurite"));
        await File.WriteAllLinesAsync(Path.Combine(folder, "ids.txt"), ids, cancellationToken);
    }

    private static string Folder(string seed, int documents) =>
        Path.Combine(seed, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"docs-{documents}"));

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }
}
