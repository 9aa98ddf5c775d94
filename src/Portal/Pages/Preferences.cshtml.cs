using KnowledgeHub.Portal.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeHub.Portal.Pages;

/// <summary>
/// The language switch and the time zone picker. POST <c>?handler=Language</c> (from the header, on every page) sets
/// the culture cookie; POST <c>?handler=TimeZone</c> sets (or clears) the time zone cookie. Both go back to the page
/// they came from (a local URL only). Anonymous: the sign-in page has the switch too.
/// </summary>
[AllowAnonymous]
public sealed class PreferencesModel(PortalTime time) : PageModel
{
    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string CurrentZone => time.Zone.Id;

    public string DefaultZone => time.DefaultZoneId;

    public bool IsUserChoice => time.IsUserChoice;

    /// <summary>Every zone this machine knows, by UTC offset.</summary>
    public static IReadOnlyList<TimeZoneInfo> Zones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().OrderBy(z => z.BaseUtcOffset).ThenBy(z => z.Id, StringComparer.Ordinal)];

    public void OnGet()
    {
    }

    public IActionResult OnPostLanguage([FromForm(Name = "culture")] string? culture)
    {
        var supported = PortalLocalization.SupportedCultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
        if (supported is null)
        {
            return BadRequest();
        }

        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(supported)),
            Options());
        return LocalRedirect(SafeReturnUrl);
    }

    public IActionResult OnPostTimeZone([FromForm(Name = "zone")] string? zone)
    {
        if (string.IsNullOrWhiteSpace(zone) || string.Equals(zone, DefaultZone, StringComparison.Ordinal))
        {
            Response.Cookies.Delete(PortalTime.CookieName);
            return LocalRedirect(SafeReturnUrl);
        }

        if (PortalTime.FindZone(zone) is null)
        {
            return BadRequest();
        }

        Response.Cookies.Append(PortalTime.CookieName, zone.Trim(), Options());
        return LocalRedirect(SafeReturnUrl);
    }

    private CookieOptions Options() => new()
    {
        Expires = DateTimeOffset.UtcNow.Add(CookieLifetime),
        IsEssential = true,
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = Request.IsHttps,
    };

    /// <summary>The page the switch was on when it stays on this site; the home page otherwise.</summary>
    private string SafeReturnUrl => ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
