using KnowledgeHub.Portal.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Pages.Account;

/// <summary>
/// A bearer token for scripts. Local mode: a POST (with antiforgery) issues an 8-hour token with the signed-in
/// user's claims. Entra ID mode: tokens come from Entra ID; the page says how to get one.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class TokenModel(IOptions<PortalAuthenticationOptions> authentication, IServiceProvider services) : PageModel
{
    public bool IsLocal => authentication.Value.Mode == AuthenticationMode.Local;

    public string? EntraClientId => authentication.Value.EntraClientId;

    public LocalToken? Token { get; private set; }

    /// <summary>This portal's address, for the curl example.</summary>
    public string BaseUrl => $"{Request.Scheme}://{Request.Host}";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The issuer is registered in local mode only; Entra ID mode has no local tokens to issue.
        if (!IsLocal || services.GetService<LocalTokenIssuer>() is not { } issuer)
        {
            return NotFound();
        }

        Token = await issuer.IssueAsync(User, HttpContext.RequestAborted);
        return Page();
    }
}
