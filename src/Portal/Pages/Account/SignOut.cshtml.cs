using KnowledgeHub.Portal.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Pages.Account;

/// <summary>
/// Sign-out is a POST (with antiforgery); GET shows a button. Entra ID: the cookie and the Entra session both
/// end, then /Account/SignedOut (an anonymous page, so the user is not signed straight back in). Local: the cookie.
/// Either way every API token of the user is revoked first (<see cref="ApiTokenRegistry.RevokeAllAsync"/>).
/// </summary>
public sealed class SignOutModel(IOptions<PortalAuthenticationOptions> authentication, ApiTokenRegistry tokens) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Signing out ends the user's API tokens too (every node: the list is in the blob store).
        if (CallerClaims.ToCaller(User) is { } caller)
        {
            await tokens.RevokeAllAsync(caller.ObjectId, HttpContext.RequestAborted);
        }

        return EndSession();
    }

    private SignOutResult EndSession() =>
        authentication.Value.Mode == AuthenticationMode.Local
            ? SignOut(new AuthenticationProperties { RedirectUri = "/Account/SignIn" }, CookieAuthenticationDefaults.AuthenticationScheme)
            : SignOut(
                new AuthenticationProperties { RedirectUri = "/Account/SignedOut" },
                CookieAuthenticationDefaults.AuthenticationScheme,
                OpenIdConnectDefaults.AuthenticationScheme);
}
