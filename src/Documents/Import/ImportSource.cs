namespace KnowledgeHub.Documents.Import;

/// <summary>One file of a batch: its path inside the folder or zip ('/'-separated) and its size.</summary>
public sealed record SourceEntry(string Path, long Length)
{
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];

    /// <summary>The folders above the file, outermost first.</summary>
    public IReadOnlyList<string> Folders => Path.Split('/')[..^1];

    /// <summary>The path without its extension: <c>a/b.md</c> → <c>a/b</c>.</summary>
    public string Stem => Path[..(Path.Length - System.IO.Path.GetExtension(Name).Length)];
}

/// <summary>The limits a batch is read within: a file over <see cref="MaxFileBytes"/> is refused alone; a batch over the others is refused whole.</summary>
public sealed record ImportLimits
{
    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;

    public int MaxFiles { get; init; } = 20_000;

    /// <summary>All files together, unpacked.</summary>
    public long MaxTotalBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>How much larger than its compressed size a zip entry may unpack to (past 1 MB).</summary>
    public int MaxCompressionRatio { get; init; } = 200;
}

/// <summary>
/// A batch to import: a folder or a zip. <see cref="Entries"/> lists every file (junk such as <c>.DS_Store</c> and
/// <c>__MACOSX/</c> left out); <see cref="ReadAsync"/> reads one, never more than <see cref="ImportLimits.MaxFileBytes"/>
/// whatever the file or the zip claims. Entries whose path could escape the batch are listed in <see cref="Refused"/>.
/// </summary>
public abstract class ImportSource : IAsyncDisposable
{
    protected ImportSource(ImportLimits limits) => Limits = limits ?? throw new ArgumentNullException(nameof(limits));

    public ImportLimits Limits { get; }

    public abstract IReadOnlyList<SourceEntry> Entries { get; }

    /// <summary>Entries refused before reading (unsafe paths), with the sentence why.</summary>
    public IReadOnlyList<(string Path, string Reason)> Refused { get; protected init; } = [];

    /// <summary>The file's bytes, or null when it is larger than <see cref="ImportLimits.MaxFileBytes"/>.</summary>
    public async Task<byte[]?> ReadAsync(SourceEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Length > Limits.MaxFileBytes)
        {
            return null;
        }

        await using var stream = await OpenAsync(entry, cancellationToken);
        using var buffer = new MemoryStream((int)Math.Min(Math.Max(entry.Length, 0), Limits.MaxFileBytes));
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > Limits.MaxFileBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>A folder (read in place) or a <c>.zip</c> file. Throws <see cref="ImportRefusedException"/> with a sentence when neither can be read.</summary>
    public static ImportSource Open(string path, ImportLimits limits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            return FolderSource.OpenFolder(path, limits);
        }

        if (File.Exists(path))
        {
            return ZipSource.Open(File.OpenRead(path), limits);
        }

        throw new ImportRefusedException($"There is no folder or zip file at '{path}'.");
    }

    public abstract ValueTask DisposeAsync();

    protected abstract Task<Stream> OpenAsync(SourceEntry entry, CancellationToken cancellationToken);

    /// <summary>Files the import never looks at: macOS and Windows leftovers, Office lock files, hidden files.</summary>
    internal static bool IsJunk(string path) =>
        path.Split('/').Any(part => part.Length == 0 || part[0] == '.' || part == "__MACOSX" || part.StartsWith("~$", StringComparison.Ordinal))
        || path.EndsWith("Thumbs.db", StringComparison.OrdinalIgnoreCase);

    internal static void CheckCount(int count, ImportLimits limits)
    {
        if (count > limits.MaxFiles)
        {
            throw new ImportRefusedException($"The batch holds {count} files; at most {limits.MaxFiles} are imported at once. Split it into smaller batches.");
        }
    }
}
