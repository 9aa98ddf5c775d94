using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeHub.EndToEnd.Tests.Oidc;

/// <summary>
/// Signing in with Microsoft.Identity.Web in a real Chromium, through oidc-provider standing in for
/// Entra ID: authorization code flow, claims from the ID token (oid, name, roles, groups), sign-out at both ends.
/// </summary>
[Collection(EntraCollection.Name)]
public sealed class EntraSignInTests(EntraPortalFixture fixture)
{
    /// <summary>Confidential; readers = the research group; owned by alice, so bob reads it only as a group member.</summary>
    private const string ResearchDocument = "/Documents/competitor-2026-livebuy-streaming";

    private static readonly Dictionary<string, string> OverageUsers = new()
    {
        ["overage"] = "0e7a0000-0000-4000-8000-000000000005",
        ["hasgroups"] = "4a590000-0000-4000-8000-000000000006",
    };

    [Theory]
    [InlineData("bob", "陈波 Bob Chen", 200)] // in the research group, by the token's groups claim
    [InlineData("dave", "周迪 Dave Zhou", 404)] // Reader, in no group
    [InlineData("overage", "欧阳 Owen Overage", 404)] // too many groups: _claim_names points at Graph instead
    [InlineData("hasgroups", "何 Harper Hasgroups", 404)] // too many groups, implicit-flow form: hasgroups=true
    public async Task A_user_signed_in_through_Entra_reads_a_research_document_only_when_the_token_names_the_group(
        string userName, string displayName, int expectedStatus)
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, userName, displayName);

        var response = await page.GotoAsync(ResearchDocument);

        Assert.Equal(expectedStatus, response!.Status);
        if (expectedStatus == 200)
        {
            await Expect(page.Locator("h1")).ToContainTextAsync("播购 LiveBuy");
        }
        else
        {
            await Expect(page.Locator("main")).Not.ToContainTextAsync("播购");
        }

        if (OverageUsers.TryGetValue(userName, out var oid))
        {
            // Operators learn why the user sees less — by a hash of the oid: logs carry no personal identifiers.
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(oid)))[..12];
            Assert.Matches(new Regex("overage.*" + hash, RegexOptions.IgnoreCase), fixture.Portal.Output);
            Assert.DoesNotContain(oid, fixture.Portal.Output, StringComparison.OrdinalIgnoreCase);
        }

        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("carol", "Carol Li", 200)] // app role Admin
    [InlineData("bob", "陈波 Bob Chen", 403)] // Contributor, Reviewer
    public async Task App_roles_in_the_Entra_token_decide_who_may_open_the_audit_log(string userName, string displayName, int expectedStatus)
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, userName, displayName);

        var response = await page.GotoAsync("/Admin/Audit");

        Assert.Equal(expectedStatus, response!.Status);
        Assert.Equal(expectedStatus == 200, await page.Locator("form.audit-filter").IsVisibleAsync()); // the page's heading is localized
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Signing_out_ends_the_portal_session_and_the_Entra_session()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "alice", "王丽 Alice Wang");

        var console = new ConcurrentQueue<string>();
        page.Console += (_, message) => console.Enqueue(message.Text);

        await page.GetByRole(AriaRole.Button, new() { Name = "退出", Exact = true }).ClickAsync();
        try
        {
            await Expect(page.Locator("#sign-out-heading")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException(
                $"Sign-out did not reach the provider's end-session page; still at {page.Url}. Browser console: {string.Join(" | ", console)}", e);
        }

        await page.ClickAsync("#sign-out-yes"); // the stand-in's end-session confirmation

        // Both sessions ended: the portal's signed-out page, and the next visit needs a new sign-in at the provider.
        await Expect(page.Locator("#signed-out-heading")).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await fixture.ExpectStandInSignInFormAsync(page);
        var cookies = await page.Context.CookiesAsync([fixture.Portal.BaseAddress.ToString()]);
        Assert.DoesNotContain(cookies, c => c.Name.StartsWith("KnowledgeHub.Auth", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
