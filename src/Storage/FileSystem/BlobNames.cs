namespace KnowledgeHub.Storage;

/// <summary>
/// Maps '/'-separated blob names to paths under a root folder and refuses any name that could
/// leave it. A valid name has non-empty segments made of printable characters, no backslash,
/// no leading '/', and no segment starting with '.' (that rules out "." and "..", and keeps the
/// store's hidden lock and temporary files out of the blob namespace).
/// </summary>
internal static class BlobNames
{
    public static string ToPath(string root, string name)
    {
        Validate(name, nameof(name));
        var path = Path.GetFullPath(Path.Combine(root, name.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The blob name '{name}' resolves outside the storage root.", nameof(name));
        }

        return path;
    }

    public static void Validate(string name, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        var problem = Problem(name);
        if (problem is not null)
        {
            throw new ArgumentException($"The blob name '{Printable(name)}' is not allowed: {problem}.", parameterName);
        }
    }

    /// <summary>Validates a listing prefix: any start of a valid name (empty lists everything).</summary>
    public static void ValidatePrefix(string prefix, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(prefix, parameterName);
        if (prefix.Length == 0)
        {
            return;
        }

        // "docs/" and "docs/ab" are both starts of a valid name such as "docs/abc".
        var problem = Problem(prefix.EndsWith('/') ? prefix + "x" : prefix);
        if (problem is not null)
        {
            throw new ArgumentException($"The blob prefix '{Printable(prefix)}' is not allowed: {problem}.", parameterName);
        }
    }

    private static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "it is empty";
        }

        if (name.Length > 1024)
        {
            return "it is longer than 1024 characters";
        }

        if (name.Contains('\\', StringComparison.Ordinal))
        {
            return "it contains a backslash (use '/' to separate segments)";
        }

        if (name.Any(char.IsControl))
        {
            return "it contains a control character";
        }

        if (name.StartsWith('/') || Path.IsPathRooted(name))
        {
            return "it is a rooted path (names are relative, e.g. 'docs/abc/manifest.json')";
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0)
            {
                return "it has an empty segment ('//' or a trailing '/')";
            }

            if (segment[0] == '.')
            {
                return "a segment starts with '.' (this also refuses '..')";
            }
        }

        return null;
    }

    private static string Printable(string name) =>
        new(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
