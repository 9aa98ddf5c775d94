using System.Net;
using KnowledgeHub.Portal.Security;
using KnowledgeHub.Portal.Tests.Authentication;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KnowledgeHub.Portal.Tests.Security;

public sealed class SecurityHeaderTests(TestSignInPortalFactory portal) : IClassFixture<TestSignInPortalFactory>
{
    private const string StrictPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/Search?q=复盘", HttpStatusCode.OK)]
    [InlineData("/Documents/retro-2026-618-campaign", HttpStatusCode.OK)]
    [InlineData("/Documents/retro-2026-618-campaign/Edit", HttpStatusCode.OK)]
    [InlineData("/Documents/no-such-document", HttpStatusCode.NotFound)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("/healthz", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/js/editor.js", HttpStatusCode.OK)]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)]
    [InlineData("/api/v1/search?q=618", HttpStatusCode.OK)]
    [InlineData("/api/v1/documents/no-such-document", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/no-such-thing", HttpStatusCode.NotFound)]
    public async Task Every_response_of_a_signed_in_user_carries_the_security_headers(string url, HttpStatusCode status)
    {
        var bob = await portal.CreateReadyClientAsAsync(TestUsers.Bob);

        var response = await bob.GetPageAsync(url);

        Assert.Equal(status, response.StatusCode);
        AssertStrictHeaders(response);
    }

    [Theory]
    [InlineData("/Account/SignIn", HttpStatusCode.OK)]
    [InlineData("/", HttpStatusCode.Unauthorized)]
    [InlineData("/api/v1/search?q=618", HttpStatusCode.Unauthorized)]
    [InlineData("/healthz", HttpStatusCode.OK)]
    public async Task Anonymous_responses_and_refusals_carry_them_too(string url, HttpStatusCode status)
    {
        await portal.CreateReadyClientAsync();

        var response = await portal.CreatePortalClient().GetPageAsync(url);

        Assert.Equal(status, response.StatusCode);
        AssertStrictHeaders(response);
    }

    [Fact]
    public async Task An_endpoint_marked_for_same_origin_framing_relaxes_frame_ancestors_only()
    {
        using var host = await new HostBuilder()
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services => services.AddRouting())
                .Configure(app =>
                {
                    app.UseSecurityHeaders();
                    app.UseRouting();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapGet("/preview", () => "framed").WithMetadata(new AllowSameOriginFramingAttribute());
                        endpoints.MapGet("/plain", () => "not framed");
                    });
                }))
            .StartAsync();
        var client = host.GetTestClient();

        var preview = await client.GetAsync(new Uri("/preview", UriKind.Relative));
        var plain = await client.GetAsync(new Uri("/plain", UriKind.Relative));

        Assert.Equal(StrictPolicy.Replace("frame-ancestors 'none'", "frame-ancestors 'self'"), Header(preview, "Content-Security-Policy"));
        Assert.Equal("SAMEORIGIN", Header(preview, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(preview, "X-Content-Type-Options"));
        Assert.Equal(StrictPolicy, Header(plain, "Content-Security-Policy"));
        Assert.Equal("DENY", Header(plain, "X-Frame-Options"));
    }

    [Fact]
    public async Task HSTS_is_sent_over_https_outside_Development_and_not_in_Development()
    {
        await using var production = PortalFactory.With("Production", EntraIdPortal.Settings);
        var https = production.CreateClient(new() { BaseAddress = new Uri("https://knowledgehub.example/"), AllowAutoRedirect = false });
        await portal.CreateReadyClientAsync();
        var development = portal.CreateClient(new() { BaseAddress = new Uri("https://knowledgehub.example/"), AllowAutoRedirect = false });

        var secured = await https.GetAsync(new Uri("/healthz", UriKind.Relative));
        var local = await development.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.StartsWith("max-age=", Header(secured, "Strict-Transport-Security"));
        Assert.False(local.Headers.Contains("Strict-Transport-Security"));
    }

    private static void AssertStrictHeaders(HttpResponseMessage response)
    {
        Assert.Equal(StrictPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage!.RequestUri} has no {name} header.");
}
