using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>Steps every browser test takes: a signed-in page of its own, and a search from the header box.</summary>
internal static class Browsing
{
    public const string Bob = "user:b0b00000-0000-4000-8000-000000000002";

    /// <summary>A new browser context signed in locally as <paramref name="user"/> (alice, bob, carol, dave).</summary>
    public static async Task<IPage> SignedInAsync(this PortalFixture fixture, string user, BrowserNewContextOptions options)
    {
        var context = await fixture.Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.ClickAsync($"#sign-in-{user}");
        await Expect(page.Locator("header .nav-wide .user-name")).Not.ToBeEmptyAsync();
        return page;
    }

    /// <summary>The context options of <see cref="PortalFixture.NewPageAsync"/>.</summary>
    public static BrowserNewContextOptions Options(PortalFixture fixture, bool bypassCsp = false) => new()
    {
        BaseURL = fixture.Portal.BaseAddress.ToString(),
        Locale = "zh-CN",
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        BypassCSP = bypassCsp,
    };

    public static Task<IPage> SignedInAsync(this PortalFixture fixture, string user) =>
        fixture.SignedInAsync(user, Options(fixture));

    /// <summary>Searches from the header box, as a user presses Enter.</summary>
    public static async Task SearchAsync(this IPage page, string query)
    {
        await page.FillAsync("#nav-q", query);
        await page.PressAsync("#nav-q", "Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/Search\\?q="));
    }
}
