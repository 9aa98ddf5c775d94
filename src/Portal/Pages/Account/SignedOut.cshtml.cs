using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages.Account;

/// <summary>Where sign-out ends: anonymous, so reaching it does not start a new sign-in.</summary>
[AllowAnonymous]
public sealed class SignedOutModel : PageModel
{
    public void OnGet()
    {
    }
}
