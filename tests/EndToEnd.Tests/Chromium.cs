using Microsoft.Playwright;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>Debian's Chromium driven by Playwright (no browser download: ExecutablePath).</summary>
public static class Chromium
{
    public static string ExecutablePath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException(
                    $"Chromium is not installed at {path}: run scripts/install-test-tools.sh (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH.");
        }
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var executable = ExecutablePath;
        // Playwright's assertions give up after 5 s by default; on a busy 2-core machine a sign-in round trip (portal,
        // stand-in, portal again) has taken longer than that. A passing assertion returns as soon as it holds, so the
        // longer limit costs only a failing test its wait.
        Assertions.SetDefaultExpectTimeout(20_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-quic",
            ],
        });
        return (playwright, browser);
    }
}
