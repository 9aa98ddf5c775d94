using Microsoft.Playwright;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download: ExecutablePath). The tests run the same engine's headless
/// shell (Debian's <c>chromium-headless-shell</c>, what Playwright itself runs for headless tests): since Chromium 132
/// <c>chromium --headless</c> is the whole browser without a window, which took 214 s and ~155 CPU-seconds for this
/// project on 2 cores where the shell takes 120 s and ~90, the same 42 tests passing. <c>CHROMIUM_PATH</c> chooses
/// another binary; without the shell the full browser runs them.
/// </summary>
public static class Chromium
{
    public const string HeadlessShell = "/usr/lib/chromium/chromium-headless-shell";

    public const string Browser = "/usr/bin/chromium";

    public static string ExecutablePath
    {
        get
        {
            if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path)
            {
                return File.Exists(path) ? path : throw new InvalidOperationException($"CHROMIUM_PATH names {path}, which does not exist.");
            }

            return File.Exists(HeadlessShell) ? HeadlessShell
                : File.Exists(Browser) ? Browser
                : throw new InvalidOperationException(
                    $"Chromium is not installed ({HeadlessShell} or {Browser}): run scripts/install-test-tools.sh (apt-get install chromium-headless-shell fonts-noto-cjk) or set CHROMIUM_PATH.");
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
