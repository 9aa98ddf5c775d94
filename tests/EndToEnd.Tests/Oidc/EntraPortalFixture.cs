using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeHub.EndToEnd.Tests.Oidc;

/// <summary>
/// The real portal in Entra ID mode (Microsoft.Identity.Web) signing users in through the oidc-provider
/// stand-in, plus one Chromium. The portal's port is chosen first so the stand-in can register its redirect URIs.
/// </summary>
public sealed class EntraPortalFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public OidcStandIn StandIn { get; private set; } = null!;

    public PortalProcess Portal { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var browser = Chromium.LaunchAsync(); // meanwhile
        try
        {
            var port = OidcStandIn.FreePort();
            StandIn = await OidcStandIn.StartAsync(new Uri($"http://127.0.0.1:{port}/"), CancellationToken.None);
            Portal = await PortalProcess.StartAsync(PortalSettings(StandIn), port);
        }
        finally
        {
            (_playwright, Browser) = await browser;
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Portal is not null)
        {
            await Portal.DisposeAsync();
        }

        if (StandIn is not null)
        {
            await StandIn.DisposeAsync();
        }
    }

    /// <summary>A page in a fresh browser context: no portal cookie, no stand-in session.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Portal.BaseAddress.ToString(),
            Locale = "zh-CN",
        });
        return await context.NewPageAsync();
    }

    /// <summary>Opens the portal, is sent to the stand-in's sign-in form, types the user name and comes back signed in.</summary>
    public async Task SignInAsync(IPage page, string userName, string displayName)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/");
        await ExpectStandInSignInFormAsync(page);
        await page.FillAsync("#username", userName);
        await page.ClickAsync("#sign-in");
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(Portal.BaseAddress.ToString())));
        await Expect(page.Locator("header .nav-wide .user-name")).ToHaveTextAsync(displayName);
    }

    public async Task ExpectStandInSignInFormAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(StandIn.Issuer + "/interaction/")));
        await Expect(page.Locator("#username")).ToBeVisibleAsync();
    }

    private static Dictionary<string, string> PortalSettings(OidcStandIn standIn) => new()
    {
        ["Authentication:Mode"] = "EntraId",
        ["AzureAd:Instance"] = standIn.Instance.ToString(),
        ["AzureAd:TenantId"] = OidcStandIn.TenantId,
        ["AzureAd:ClientId"] = standIn.ClientId,
        ["AzureAd:ClientSecret"] = standIn.ClientSecret,
        ["AzureAd:CallbackPath"] = "/signin-oidc",
        ["AzureAd:SignedOutCallbackPath"] = "/signout-callback-oidc",
        ["AzureAd:RequireHttpsMetadata"] = "false",

        // Microsoft.Identity.Web's own Entra issuer check fetches discovery over https only; the exact issuer instead.
        ["AzureAd:ValidIssuer"] = standIn.Issuer.ToString(),
    };
}

[CollectionDefinition(Name)]
public sealed class EntraCollection : ICollectionFixture<EntraPortalFixture>
{
    public const string Name = "entra";
}
