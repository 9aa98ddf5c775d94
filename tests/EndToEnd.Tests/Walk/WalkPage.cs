using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeHub.EndToEnd.Tests.Walk;

/// <summary>
/// One walker's browser page in one language and width: each step checks that the page is in the walk's language
/// (its <c>lang</c>, and no UI text of the other language outside document content) and photographs it.
/// </summary>
internal sealed class WalkPage(IPage page, WalkLanguage language, int width, WalkShots shots)
{
    /// <summary>The page's UI text as the language crawl reads it: without document content, code, scripts and form text.</summary>
    private const string UiTextScript = """
        () => {
            const body = document.body.cloneNode(true);
            body.querySelectorAll("[data-content], [lang], script, style, code, pre, textarea, template").forEach(e => e.remove());
            const labels = Array.from(body.querySelectorAll("[title], [aria-label], [placeholder], [alt]"))
                .flatMap(e => ["title", "aria-label", "placeholder", "alt"].map(a => e.getAttribute(a) ?? ""));
            return body.textContent + "\n" + labels.join("\n");
        }
        """;

    public IPage Page => page;

    /// <summary>Asserts the page speaks <see cref="WalkLanguage"/> only, and saves its picture as step <paramref name="step"/>.</summary>
    public async Task StepAsync(string step)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language.Lang);
        var foreign = language.ForeignText(await page.EvaluateAsync<string>(UiTextScript)).ToList();
        Assert.True(foreign.Count == 0, $"Step {step} ({page.Url}) in {language.Locale} at {width} px shows {string.Join("; ", foreign)}");
        await shots.TakeAsync(page, step);
    }
}

/// <summary>
/// Where the walk's pictures go: <c>docs/screenshots/walk/{step}-{zh|en}-{width}.png</c> when <c>KH_SCREENSHOTS=1</c>
/// (to be committed), otherwise <c>artifacts/screenshots/walk</c> (so every run still takes them, and nothing in git changes).
/// </summary>
internal sealed class WalkShots(string locale, int width)
{
    private int count;

    public static string Folder => Environment.GetEnvironmentVariable("KH_SCREENSHOTS") == "1"
        ? Path.Combine(RepositoryPaths.Root, "docs", "screenshots", "walk")
        : Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots", "walk");

    public async Task TakeAsync(IPage page, string step)
    {
        Directory.CreateDirectory(Folder);
        var name = $"{++count}-{step}-{(locale == "en" ? "en" : "zh")}-{width}.png";
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, name) });
    }
}
