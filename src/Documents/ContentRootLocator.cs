namespace KnowledgeHub.Documents;

/// <summary>Finds the content folder (templates/ and samples/) when <see cref="DocumentsOptions.ContentRoot"/> is not set.</summary>
public static class ContentRootLocator
{
    /// <summary>
    /// <paramref name="configured"/> (made absolute) when set; else <c>content</c> in
    /// <paramref name="baseDirectory"/> or the nearest parent that has one, not going above the repository
    /// root (a folder with <c>KnowledgeHub.sln</c> or <c>.git</c>); null when there is none.
    /// </summary>
    public static string? Locate(string? configured, string baseDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseDirectory);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var folder = new DirectoryInfo(Path.GetFullPath(baseDirectory)); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "content");
            if (Directory.Exists(Path.Combine(candidate, "templates")) || Directory.Exists(Path.Combine(candidate, "samples")))
            {
                return candidate;
            }

            if (File.Exists(Path.Combine(folder.FullName, "KnowledgeHub.sln")) || Directory.Exists(Path.Combine(folder.FullName, ".git")))
            {
                break;
            }
        }

        return null;
    }
}
