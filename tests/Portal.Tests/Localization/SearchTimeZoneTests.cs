using KnowledgeHub.Portal.Localization;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Search.Querying;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Tests.Localization;

/// <summary>Time words in a query are read in the zone the user sees times in: their cookie, else Portal:TimeZone.</summary>
public sealed class SearchTimeZoneTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_portal_reads_time_words_in_the_users_zone()
    {
        await portal.CreateReadyClientAsync();
        Assert.IsType<RequestSearchTimeZone>(portal.Services.GetRequiredService<ISearchTimeZone>());
    }

    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("Not/AZone", "Asia/Shanghai")]
    [InlineData(null, "Asia/Shanghai")]
    public void The_zone_is_the_cookies_when_it_names_a_known_zone_else_the_default(string? cookie, string expected)
    {
        var context = new DefaultHttpContext();
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = PortalTime.CookieName + "=" + Uri.EscapeDataString(cookie);
        }

        var zone = new RequestSearchTimeZone(new HttpContextAccessor { HttpContext = context }, Options.Create(new PortalTimeOptions()));

        Assert.Equal(expected, zone.For(null).Id);
    }
}
