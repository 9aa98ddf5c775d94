using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.People;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Kiota.Abstractions.Authentication;

namespace KnowledgeHub.Portal.Tests.People;

/// <summary>The portal with <c>People:Directory=Graph</c> against a stand-in Graph on loopback.</summary>
public sealed class GraphPortalFixture : IAsyncLifetime
{
    public GraphStandIn Graph { get; private set; } = null!;

    public PortalFactory Portal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Graph = await GraphStandIn.StartAsync();
        Portal = PortalFactory.With(
            "Development",
            new Dictionary<string, string> { ["People:Directory"] = "Graph", ["People:GraphBaseUrl"] = Graph.BaseUrl },
            services =>
            {
                services.RemoveAll<IAuthenticationProvider>();
                services.AddSingleton<IAuthenticationProvider>(new AnonymousAuthenticationProvider());
            });
        await Portal.CreateReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        await Graph.DisposeAsync();
    }
}

public sealed class GraphPeopleTests(GraphPortalFixture fixture) : IClassFixture<GraphPortalFixture>
{
    private const string ResearchOnly = "/api/v1/documents/retro-2026-research-pricing";

    [Fact]
    public async Task The_type_ahead_asks_graph_for_users_and_groups_starting_with_the_text()
    {
        var client = fixture.Portal.CreatePortalClient();
        await client.SignInAsync("alice");

        var response = await client.GetAsync(new Uri("/People/Search?q=" + Uri.EscapeDataString("方"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var hit = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("user:" + GraphStandIn.Frank, hit.GetProperty("principal").GetString());
        Assert.Equal("方凯 Frank Fang <frank@contoso.example>", hit.GetProperty("input").GetString());
        Assert.Contains(fixture.Graph.Requests, r => r.StartsWith("/v1.0/users?", StringComparison.Ordinal) && r.Contains("startswith", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_quote_in_the_typed_text_is_escaped_in_the_graph_filter()
    {
        var directory = fixture.Portal.Services.GetRequiredService<IDirectory>();

        var found = await directory.SearchAsync("o'brien", 5, CancellationToken.None);

        Assert.Empty(found);
        Assert.Contains(fixture.Graph.Requests, r => Uri.UnescapeDataString(r).Contains("'o''brien'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_graph_user_and_group_resolve_by_e_mail_and_name_and_show_by_name()
    {
        var names = fixture.Portal.Services.CreateScope().ServiceProvider.GetRequiredService<PeopleNames>();

        var list = await names.ParseAsync("erin@contoso.example\n研究组 Research", CancellationToken.None);

        Assert.True(list.IsValid, string.Join(" ", list.Errors));
        Assert.Equal(["user:" + GraphStandIn.Erin, "group:" + GraphStandIn.Research], list.Principals);
        Assert.Equal("Erin Researcher 艾琳", await names.NameAsync("user:" + GraphStandIn.Erin, CancellationToken.None));
        Assert.Equal("user:00000000-0000-4000-8000-0000000000ff", await names.NameAsync("user:00000000-0000-4000-8000-0000000000ff", CancellationToken.None));
    }

    [Fact]
    public async Task A_graph_user_is_reached_at_their_mail_in_their_preferred_language()
    {
        var directory = fixture.Portal.Services.GetRequiredService<IDirectory>();

        var erin = await directory.ContactAsync(GraphStandIn.Erin, CancellationToken.None);
        var frank = await directory.ContactAsync(GraphStandIn.Frank, CancellationToken.None);

        Assert.Equal(("erin@contoso.example", "en"), (erin!.Email, erin.Language));
        Assert.Equal(("frank@contoso.example", "zh-CN"), (frank!.Email, frank.Language));
        Assert.Equal(["user:" + GraphStandIn.Erin], (await directory.MembersOfAsync(GraphStandIn.Research, CancellationToken.None)).Select(m => "user:" + m));
    }

    [Fact]
    public async Task With_group_overage_the_groups_come_from_graph_every_page_and_the_group_document_is_readable()
    {
        var claims = BearerTokens.ClaimsOf(new TestIdentity
        {
            ObjectId = GraphStandIn.Erin, Name = "Erin Researcher", UserName = "erin", Roles = ["Reader"], Groups = [],
        });
        claims["_claim_names"] = new JsonObject { ["groups"] = "src1" };

        var first = await CallAsync(claims);
        var second = await CallAsync(claims);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(fixture.Graph.Requests, r => r.StartsWith($"/v1.0/users/{GraphStandIn.Erin}/transitiveMemberOf?", StringComparison.Ordinal)
            && !r.Contains("page2", StringComparison.Ordinal)); // cached per user: Graph is asked once
        Assert.Contains(fixture.Graph.Requests, r => r.Contains("page2", StringComparison.Ordinal)); // the next page was read
        var groups = await fixture.Portal.Services.GetRequiredService<IDirectory>().GroupsOfAsync(GraphStandIn.Erin, CancellationToken.None);
        Assert.Equal([GraphStandIn.Research, GraphStandIn.Marketing, GraphStandIn.Other], groups);
    }

    [Fact]
    public async Task With_group_overage_a_user_graph_does_not_know_stays_in_no_groups()
    {
        var claims = BearerTokens.ClaimsOf(new TestIdentity
        {
            ObjectId = "e5e00000-0000-4000-8000-0000000000ee", Name = "Unknown", UserName = "unknown", Roles = ["Reader"], Groups = [],
        });
        claims["hasgroups"] = true;

        var response = await CallAsync(claims);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<HttpResponseMessage> CallAsync(Dictionary<string, object> claims)
    {
        var key = await fixture.Portal.Services.GetRequiredService<LocalTokenKeyStore>().GetAsync(CancellationToken.None);

        // A local token is accepted only while the token registry lists it, as the token page does.
        var id = Guid.NewGuid().ToString("N");
        claims["jti"] = id;
        await fixture.Portal.Services.GetRequiredService<ApiTokenRegistry>().AddAsync(
            (string)claims["oid"], new ApiTokenRecord(id, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1), null), CancellationToken.None);
        var token = BearerTokens.Mint(key, SecurityAlgorithms.HmacSha256, LocalTokenIssuer.Issuer, LocalTokenIssuer.Audience, claims);
        return await fixture.Portal.CreatePortalClient().GetWithTokenAsync(ResearchOnly, token);
    }
}
