using KnowledgeHub.Portal.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Pages.Account;

/// <summary>Sign-out is a POST (with antiforgery); GET shows a button.</summary>
public sealed class SignOutModel(IOptions<PortalAuthenticationOptions> authentication) : PageModel
{
    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        var properties = new AuthenticationProperties { RedirectUri = "/Account/SignIn" };
        return authentication.Value.Mode == AuthenticationMode.Local
            ? SignOut(properties, CookieAuthenticationDefaults.AuthenticationScheme)
            : SignOut(properties, CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme);
    }
}
