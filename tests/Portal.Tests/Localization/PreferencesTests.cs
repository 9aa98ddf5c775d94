using System.Net;
using AngleSharp.Html.Dom;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Localization;

/// <summary>The language switch and the time zone picker: cookies, the way back, and what the pages then show.</summary>
public sealed class PreferencesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_language_switch_sets_the_culture_cookie_and_returns_to_the_same_page()
    {
        var client = await portal.CreateReadyClientAsync(language: null);
        await client.SignInAsync("alice");
        var page = await client.GetDocumentAsync("/Search?q=%E5%A4%8D%E7%9B%98");
        Assert.Equal("zh-Hans", page.DocumentElement.GetAttribute("lang"));

        var form = page.QuerySelector<IHtmlFormElement>(".nav-wide form.lang-switch")!;
        var english = await client.SubmitAsync(form, form.QuerySelector<IHtmlButtonElement>("button[value='en']"));

        Assert.Equal(HttpStatusCode.Redirect, english.StatusCode);
        Assert.Equal("/Search?q=%E5%A4%8D%E7%9B%98", english.Headers.Location!.OriginalString);
        Assert.Contains(english.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den", StringComparison.Ordinal));
        var after = await client.FollowAsync(english);
        Assert.Equal("en", after.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Search", after.QuerySelector("h1")!.TextContent);
        Assert.Equal("true", after.QuerySelector(".nav-wide button[value='en']")!.GetAttribute("aria-pressed"));

        var back = after.QuerySelector<IHtmlFormElement>(".nav-wide form.lang-switch")!;
        var chinese = await client.FollowAsync(await client.SubmitAsync(back, back.QuerySelector<IHtmlButtonElement>("button[value='zh-CN']")));
        Assert.Equal("搜索", chinese.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_switch_is_on_the_sign_in_page_too_and_never_returns_to_another_site()
    {
        var client = await portal.CreateReadyClientAsync(language: null);
        var signIn = await client.GetDocumentAsync("/Account/SignIn");
        var form = signIn.QuerySelector<IHtmlFormElement>(".nav-wide form.lang-switch")!;

        var response = await client.SubmitAsync(form, form.QuerySelector<IHtmlButtonElement>("button[value='en']"),
            new Dictionary<string, string> { ["ReturnUrl"] = "https://evil.example/" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unsupported_language_or_an_unknown_time_zone_is_a_400_and_sets_no_cookie()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");
        var page = await client.GetDocumentAsync("/Preferences");
        var form = page.QuerySelector<IHtmlFormElement>("form.tz-form")!;

        // What a hand-made request could send: a zone the picker does not list, a language the portal does not speak.
        var mars = page.CreateElement("option");
        mars.SetAttribute("value", "Mars/Olympus_Mons");
        form.QuerySelector("select[name='zone']")!.AppendChild(mars);
        var zone = await client.SubmitAsync(form, values: new Dictionary<string, string> { ["zone"] = "Mars/Olympus_Mons" });
        var lang = page.QuerySelector<IHtmlFormElement>(".nav-wide form.lang-switch")!;
        var french = lang.QuerySelector<IHtmlButtonElement>("button[value='en']")!;
        french.SetAttribute("value", "fr-FR");
        var culture = await client.SubmitAsync(lang, french);

        Assert.Equal(HttpStatusCode.BadRequest, zone.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, culture.StatusCode);
        Assert.False(zone.Headers.Contains("Set-Cookie") && zone.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("KnowledgeHub.TimeZone=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Times_are_shown_in_the_configured_zone_until_a_user_picks_another()
    {
        var client = await portal.CreateReadyClientAsync();
        await client.SignInAsync("alice");
        var history = "/Documents/retro-2026-618-campaign/History";

        var shanghai = (await client.GetDocumentAsync(history)).QuerySelector(".history-entry time")!;
        var picker = await client.GetDocumentAsync("/Preferences?ReturnUrl=" + Uri.EscapeDataString(history));
        var saved = await client.SubmitAsync(picker.QuerySelector<IHtmlFormElement>("form.tz-form")!, values: new Dictionary<string, string> { ["zone"] = "America/New_York" });
        var newYork = (await client.FollowAsync(saved)).QuerySelector(".history-entry time")!;

        Assert.Equal(history, saved.Headers.Location!.OriginalString);
        Assert.Equal(shanghai.GetAttribute("datetime"), newYork.GetAttribute("datetime"));
        var utc = DateTimeOffset.Parse(shanghai.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture);
        var en = System.Globalization.CultureInfo.GetCultureInfo("en");
        Assert.Equal(TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime.ToString("g", en) + " (Asia/Shanghai)", shanghai.GetAttribute("title"));
        Assert.Equal(TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime.ToString("g", en) + " (America/New_York)", newYork.GetAttribute("title"));
        Assert.Contains("America/New_York", (await client.GetDocumentAsync("/")).QuerySelector(".nav-wide .tz-link")!.TextContent);
    }

    [Fact]
    public async Task A_reader_is_not_offered_new_document_and_a_contributor_is()
    {
        var reader = await portal.CreateReadyClientAsync();
        await reader.SignInAsync("dave");
        var contributor = await portal.CreateReadyClientAsync();
        await contributor.SignInAsync("alice");

        Assert.Empty((await reader.GetDocumentAsync("/Lessons")).QuerySelectorAll("header a[href='/Documents/New']"));
        Assert.NotEmpty((await contributor.GetDocumentAsync("/Lessons")).QuerySelectorAll("header a[href='/Documents/New']"));
    }

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task The_site_has_a_favicon(string url, string type)
    {
        var client = portal.CreatePortalClient();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }
}
