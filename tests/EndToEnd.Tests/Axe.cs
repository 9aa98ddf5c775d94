namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>axe-core (npm package <c>axe-core</c>, installed by scripts/install-test-tools.sh), injected into a page after its scripts ran.</summary>
internal static class Axe
{
    /// <summary>Runs axe on the document; returns the violations of impact "serious" or "critical" with their targets.</summary>
    public const string Run = """
        async () => {
            const result = await axe.run(document, { resultTypes: ['violations'] });
            return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    targets: v.nodes.map(n => n.target.join(' ')),
                }));
        }
        """;

    /// <summary>node_modules/axe-core/axe.min.js of the repository; missing is a failure that says how to install it, never a skip.</summary>
    public static string Path()
    {
        var path = System.IO.Path.Combine(RepositoryPaths.Root, "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"axe-core is not installed at {path}: run scripts/install-test-tools.sh (npm ci installs the npm package axe-core from package.json).");
    }
}
