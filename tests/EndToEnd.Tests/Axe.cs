using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// axe-core (npm package <c>axe-core</c>, installed by scripts/install-test-tools.sh) in every page of a browser context,
/// run after the page's own scripts: the serious and critical violations, reported page by page.
/// </summary>
internal static class Axe
{
    /// <summary>Runs axe on the document; returns the violations of impact "serious" or "critical" with their targets.</summary>
    private const string Run = """
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

    /// <summary>
    /// Loads axe into every page the context opens from now on. Chromium keeps the script and runs it at each navigation:
    /// adding it as a script tag to each page instead sent its 550 KB through the driver every time (~300 ms a page, as
    /// long as axe's own run). The context must bypass the portal's Content-Security-Policy, which forbids the script.
    /// </summary>
    public static Task LoadIntoAsync(IBrowserContext context) => context.AddInitScriptAsync(scriptPath: Path());

    /// <summary>Runs axe on the page as it is now and appends each serious or critical violation to <paramref name="report"/> as a line naming <paramref name="name"/>.</summary>
    public static async Task CheckAsync(IPage page, string name, StringBuilder report)
    {
        var violations = await page.EvaluateAsync<JsonElement>(Run);
        foreach (var v in violations.EnumerateArray())
        {
            report.Append(name).Append(": ").Append(v.GetProperty("id").GetString())
                .Append(" (").Append(v.GetProperty("impact").GetString()).Append(") ").Append(v.GetProperty("help").GetString())
                .Append(" — ").AppendJoin(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))
                .AppendLine();
        }
    }

    /// <summary>node_modules/axe-core/axe.min.js of the repository; missing is a failure that says how to install it, never a skip.</summary>
    private static string Path()
    {
        var path = System.IO.Path.Combine(RepositoryPaths.Root, "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"axe-core is not installed at {path}: run scripts/install-test-tools.sh (npm ci installs the npm package axe-core from package.json).");
    }
}
