using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Pages.Account;

/// <summary>
/// API tokens for scripts. Local mode: a POST (with antiforgery) issues an 8-hour token with the signed-in user's
/// claims. Entra ID mode: tokens come from Entra ID; the page says how to get one. Both: the user's tokens are listed,
/// each can be revoked, and "revoke all" also refuses every token issued before it (as signing out does).
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class TokenModel(
    IOptions<PortalAuthenticationOptions> authentication,
    ApiTokenRegistry registry,
    TimeProvider time,
    IStringLocalizer<ServiceText> text,
    IServiceProvider services) : PageModel
{
    public bool IsLocal => authentication.Value.Mode == AuthenticationMode.Local;

    public string? EntraClientId => authentication.Value.EntraClientId;

    public LocalToken? Token { get; private set; }

    /// <summary>The user's tokens, newest first.</summary>
    public IReadOnlyList<ApiTokenRecord> Tokens { get; private set; } = [];

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>A sentence after a revocation.</summary>
    public string? Notice { get; private set; }

    /// <summary>This portal's address, for the curl example.</summary>
    public string BaseUrl => $"{Request.Scheme}://{Request.Host}";

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        // The issuer is registered in local mode only; Entra ID mode has no local tokens to issue.
        if (!IsLocal || services.GetService<LocalTokenIssuer>() is not { } issuer)
        {
            return NotFound();
        }

        Token = await issuer.IssueAsync(User, HttpContext.RequestAborted);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? id)
    {
        var caller = HttpContext.GetCaller();
        if (string.IsNullOrWhiteSpace(id) || !await registry.RevokeAsync(caller.ObjectId, id, HttpContext.RequestAborted))
        {
            Notice = text["TokenUnknown"];
            await LoadAsync();
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Notice = text["TokenRevokedNotice"];
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAllAsync()
    {
        await registry.RevokeAllAsync(HttpContext.GetCaller().ObjectId, HttpContext.RequestAborted);
        Notice = text["TokenRevokedAllNotice"];
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var list = await registry.GetAsync(HttpContext.GetCaller().ObjectId, HttpContext.RequestAborted);
        Tokens = [.. list.Tokens.OrderByDescending(t => t.CreatedUtc)];
    }
}
