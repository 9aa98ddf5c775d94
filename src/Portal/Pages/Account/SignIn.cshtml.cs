using KnowledgeHub.Portal.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Pages.Account;

/// <summary>
/// Sign-in. Entra ID: challenge OpenID Connect and come back to the (local) return URL. Local: pick a configured
/// demo user and receive Entra-shaped claims in a cookie.
/// </summary>
public sealed class SignInModel(IOptions<DirectoryOptions> directory, IOptions<PortalAuthenticationOptions> authentication) : PageModel
{
    public IReadOnlyList<LocalUser> Users => directory.Value.LocalUsers;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    /// <summary>True after a POST that named no listed user: the page says to choose one.</summary>
    public bool ChooseListedUser { get; private set; }

    public string GroupName(string groupId) =>
        directory.Value.Groups.TryGetValue(groupId, out var name) ? name : groupId;

    public IActionResult OnGet()
    {
        if (authentication.Value.Mode == AuthenticationMode.Local)
        {
            return Page();
        }

        // Already signed in (e.g. back from Entra ID on this URL): go on instead of challenging again.
        return User.Identity?.IsAuthenticated == true
            ? LocalRedirect(SafeReturnUrl)
            : Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl }, OpenIdConnectDefaults.AuthenticationScheme);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (authentication.Value.Mode != AuthenticationMode.Local)
        {
            return NotFound();
        }

        var user = UserName is null ? null : directory.Value.FindUser(UserName);
        if (user is null)
        {
            ChooseListedUser = true;
            return Page();
        }

        var principal = CallerClaims.ForLocalUser(user, directory.Value.LocalTenantId, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return LocalRedirect(SafeReturnUrl);
    }

    /// <summary>The return URL when it stays on this site; the home page otherwise.</summary>
    private string SafeReturnUrl => ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
