using KnowledgeHub.Documents;

namespace KnowledgeHub.Portal.Import;

/// <summary>The import form's files saved into a spool folder: one zip as is, several files (with the folders a folder upload names) under <c>files/</c>.</summary>
public static class ImportUpload
{
    /// <summary>The path to import (the zip, or the folder of files) and a name for it; null when no file was sent.</summary>
    public static async Task<(string Source, string Name)?> SaveAsync(IFormFileCollection files, string spool, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var sent = files.Where(f => f.Length > 0 && !string.IsNullOrWhiteSpace(f.FileName)).ToList();
        if (sent.Count == 0)
        {
            return null;
        }

        if (sent.Count == 1 && sent[0].FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var zip = Path.Combine(spool, "batch.zip");
            await CopyAsync(sent[0], zip, cancellationToken);
            return (zip, SafeSegments(sent[0].FileName).LastOrDefault() ?? "batch.zip");
        }

        var folder = Path.Combine(spool, "files");
        Directory.CreateDirectory(folder);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in sent)
        {
            var segments = SafeSegments(file.FileName);
            if (segments.Count == 0)
            {
                continue;
            }

            var relative = string.Join('/', segments);
            for (var n = 2; !used.Add(relative); n++)
            {
                relative = string.Join('/', segments[..^1].Append($"{Path.GetFileNameWithoutExtension(segments[^1])} ({n}){Path.GetExtension(segments[^1])}"));
            }

            var target = Path.Combine([folder, .. relative.Split('/')]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await CopyAsync(file, target, cancellationToken);
        }

        return (folder, sent.Count == 1 ? SafeSegments(sent[0].FileName).LastOrDefault() ?? "files" : $"{sent.Count} files");
    }

    /// <summary>A sent name's folders and name, without anything that could leave the spool folder.</summary>
    private static List<string> SafeSegments(string name) =>
        [.. name.Replace('\\', '/').Split('/')
            .Select(s => UnicodeControls.CleanFileName(s))
            .Where(s => s.Length > 0 && s != "." && s != "..")];

    private static async Task CopyAsync(IFormFile file, string path, CancellationToken cancellationToken)
    {
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        await file.CopyToAsync(target, cancellationToken);
    }
}
