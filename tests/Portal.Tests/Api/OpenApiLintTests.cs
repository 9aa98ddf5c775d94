using System.Diagnostics;
using System.Net;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Api;

/// <summary>
/// The OpenAPI document passes <c>redocly lint</c> (npm <c>@redocly/cli</c>, its recommended rules) with no error and
/// no warning. Missing, the test fails with a sentence naming the tool.
/// </summary>
public sealed class OpenApiLintTests(TestSignInPortalFactory portal) : IClassFixture<TestSignInPortalFactory>
{
    [Fact]
    public async Task The_openapi_document_passes_redocly_lint_with_no_error_or_warning()
    {
        var root = RepositoryRoot();
        var redocly = Path.Combine(root, "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"The OpenAPI lint test needs the npm package @redocly/cli ({redocly} is missing): run scripts/install-test-tools.sh (npm ci) at the repository root.");
        var client = await portal.CreateReadyClientAsync();
        // Asked at the address a deployment has: the document names the host it was asked at as its server, and the
        // linter rightly warns about a localhost server.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/openapi/v1.json", UriKind.Relative));
        request.Headers.Host = "knowledgehub.contoso.com";
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = Path.Combine(Path.GetTempPath(), $"knowledgehub-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
        try
        {
            var (exit, output) = await RunAsync(redocly, root, "lint", "--format=stylish", file);

            Assert.True(exit == 0, $"redocly lint failed:\n{output}");
            Assert.Contains("Your API description is valid", output, StringComparison.Ordinal);
            // The summary counts problems ("You have 1 warning."); redocly's own notices (e.g. about the Node.js version) are not about the document.
            Assert.False(System.Text.RegularExpressions.Regex.IsMatch(output, @"You have \d+ (warning|error)"), $"redocly lint reported problems:\n{output}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string program, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
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

        throw new InvalidOperationException($"No repository root (package.json with KnowledgeHub.sln) above {AppContext.BaseDirectory}.");
    }
}
