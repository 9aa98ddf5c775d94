namespace KnowledgeHub.Documents.Import;

/// <summary>A folder on disk, read in place; symbolic links that lead outside it are not followed.</summary>
internal sealed class FolderSource : ImportSource
{
    private readonly string root;
    private readonly List<SourceEntry> entries;

    private FolderSource(string root, List<SourceEntry> entries, ImportLimits limits)
        : base(limits) => (this.root, this.entries) = (root, entries);

    public override IReadOnlyList<SourceEntry> Entries => entries;

    public static FolderSource OpenFolder(string folder, ImportLimits limits)
    {
        var root = Path.GetFullPath(folder);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = true };
        var entries = new List<SourceEntry>();
        foreach (var file in Directory.EnumerateFiles(root, "*", options))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (!IsJunk(relative))
            {
                entries.Add(new SourceEntry(relative, new FileInfo(file).Length));
                CheckCount(entries.Count, limits);
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new FolderSource(root, entries, limits);
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected override Task<Stream> OpenAsync(SourceEntry entry, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(Path.Combine(root, entry.Path));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ImportRefusedException($"'{entry.Path}' is outside the folder being imported.");
        }

        return Task.FromResult<Stream>(new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan));
    }
}
