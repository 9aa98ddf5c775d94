using System.IO.Enumeration;

namespace KnowledgeHub.Storage;

/// <summary>
/// Walks the files of a store folder lazily, in the ordinal order of their blob names, reading one
/// folder at a time and only the folders that can hold the prefix. Nothing is stat-ed here.
/// <para>
/// Within a folder, a file sorts by its name and a subfolder by its name followed by '/': every blob
/// below subfolder "a" is named "…/a/…", so against a sibling file "a-b" the whole subtree sorts as
/// "a/" does ('-' &lt; '/'), and a depth-first walk of the sorted entries yields names in exactly the
/// order a sort of the full names would.
/// </para>
/// </summary>
internal static class FileSystemListing
{
    private static readonly EnumerationOptions OneFolder = new() { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false };

    /// <summary>The blob name and file path of each blob whose name starts with <paramref name="prefix"/> (a validated prefix).</summary>
    public static IEnumerable<(string Name, string Path)> Walk(string root, string prefix)
    {
        // "docs/a/v/1" starts in folder "docs/a/v" and keeps only the entries there that start with "1".
        var slash = prefix.LastIndexOf('/');
        var folderName = slash < 0 ? "" : prefix[..slash];
        var folder = folderName.Length == 0 ? root : BlobNames.ToPath(root, folderName);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        var open = new Stack<IEnumerator<Entry>>();
        open.Push(Sorted(folder, folderName.Length == 0 ? "" : folderName + "/", prefix[(slash + 1)..]).GetEnumerator());
        try
        {
            while (open.Count > 0)
            {
                var current = open.Peek();
                if (!current.MoveNext())
                {
                    open.Pop().Dispose();
                    continue;
                }

                var entry = current.Current;
                if (entry.IsFolder)
                {
                    open.Push(Sorted(entry.Path, entry.Name + "/", "").GetEnumerator());
                }
                else
                {
                    yield return (entry.Name, entry.Path);
                }
            }
        }
        finally
        {
            while (open.Count > 0)
            {
                open.Pop().Dispose();
            }
        }
    }

    private static IEnumerable<Entry> Sorted(string folder, string namePrefix, string startsWith)
    {
        var entries = Read(folder, startsWith);
        entries.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (key, isFolder) in entries)
        {
            var fileName = isFolder ? key[..^1] : key;
            yield return new Entry(namePrefix + fileName, Path.Combine(folder, fileName), isFolder);
        }
    }

    /// <summary>The visible entries of one folder whose names start with <paramref name="startsWith"/>, keyed for sorting.</summary>
    private static List<(string Key, bool IsFolder)> Read(string folder, string startsWith)
    {
        // Hidden entries (lock and temporary files) are never blobs; names of blobs never start with '.'.
        var entries = new FileSystemEnumerable<(string, bool)>(
            folder,
            (ref FileSystemEntry entry) => entry.IsDirectory ? (entry.FileName.ToString() + "/", true) : (entry.FileName.ToString(), false),
            OneFolder)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => entry.FileName[0] != '.' && entry.FileName.StartsWith(startsWith, StringComparison.Ordinal),
        };
        try
        {
            return [.. entries];
        }
        catch (DirectoryNotFoundException)
        {
            // The folder was removed (its last blob deleted) after its parent was read: it holds nothing now.
            return [];
        }
    }

    private readonly record struct Entry(string Name, string Path, bool IsFolder);
}
