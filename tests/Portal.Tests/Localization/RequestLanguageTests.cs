using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Localization;

/// <summary>One UI language per request: zh-CN unless the browser or the culture cookie asks for English.</summary>
public sealed class RequestLanguageTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public RequestLanguageTests(PortalFactory portal) => this.portal = portal;

    [Theory]
    [InlineData(null, null, "zh-Hans", "跳到正文")]
    [InlineData("en-US,en;q=0.9", null, "en", "Skip to content")]
    [InlineData("fr-FR", null, "zh-Hans", "跳到正文")]
    [InlineData("en-GB", "c=zh-CN|uic=zh-CN", "zh-Hans", "跳到正文")]
    [InlineData("zh-CN", "c=en|uic=en", "en", "Skip to content")]
    public async Task The_page_language_follows_the_cookie_then_the_browser_then_defaults_to_chinese(
        string? acceptLanguage, string? cookie, string lang, string skipLink)
    {
        var client = await portal.CreateReadyClientAsync(language: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/SignIn");
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString(cookie));
        }

        using var response = await client.SendAsync(request);
        var page = await HtmlHelpers.GetDocumentAsync(response);

        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(skipLink, page.QuerySelector(".skip-link")?.TextContent.Trim());
    }
}
