using System.Net;
using System.Text.Json;
using KnowledgeHub.Portal.People;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Web;

namespace KnowledgeHub.Portal.Tests.People;

/// <summary>
/// The portal against a stand-in Graph that checks tokens as Graph does, with the token acquisition of an Entra sign-in
/// (<see cref="StandInTokenAcquisition"/>) and the app registration's credential (<see cref="StandInAppCredential"/>).
/// </summary>
public sealed class DelegatedGraphFixture : IAsyncLifetime
{
    public GraphStandIn Graph { get; private set; } = null!;

    public PortalFactory Portal { get; private set; } = null!;

    public StandInTokenAcquisition UserTokens { get; } = new();

    public StandInAppCredential AppCredential { get; } = new();

    public async Task InitializeAsync()
    {
        Graph = await GraphStandIn.StartAsync(requireTokens: true);
        Portal = PortalFactory.With(
            "Development",
            new Dictionary<string, string> { ["People:Directory"] = "Graph", ["People:GraphBaseUrl"] = Graph.BaseUrl },
            services =>
            {
                services.RemoveAll<GraphAppCredential>();
                services.AddSingleton(new GraphAppCredential(AppCredential));
                services.RemoveAll<ITokenAcquisition>();
                services.AddSingleton<ITokenAcquisition>(UserTokens);
            });
        await Portal.CreateReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        await Graph.DisposeAsync();
    }
}

/// <summary>
/// Delegated Graph permissions: what a signed-in person's page asks of Graph is asked with that person's token and the
/// delegated scopes User.ReadBasic.All and GroupMember.Read.All; work without a user (notifications) uses the app's
/// token; a person whose token cannot be had gets "unknown", never an answer made with the app's wider permission.
/// </summary>
public sealed class DelegatedGraphTests(DelegatedGraphFixture fixture) : IClassFixture<DelegatedGraphFixture>
{
    private const string Alice = "a11ce000-0000-4000-8000-000000000001";
    private const string Carol = "ca201000-0000-4000-8000-000000000003";

    [Fact]
    public async Task The_type_ahead_asks_graph_with_the_signed_in_users_delegated_token()
    {
        var alice = fixture.Portal.CreatePortalClient();
        await alice.SignInAsync("alice");
        var before = fixture.Graph.Calls.Count;

        var response = await alice.GetAsync(new Uri("/People/Search?q=" + Uri.EscapeDataString("方"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("user:" + GraphStandIn.Frank, Assert.Single(json.RootElement.EnumerateArray()).GetProperty("principal").GetString());
        var calls = fixture.Graph.Calls.Skip(before).ToList();
        Assert.Contains(calls, c => c.Path.StartsWith("/v1.0/users?", StringComparison.Ordinal));
        Assert.All(calls, c =>
        {
            Assert.Equal(GraphCall.Delegated, c.Kind);
            Assert.Equal(Alice, c.UserObjectId);
            Assert.Equal(["User.ReadBasic.All", "GroupMember.Read.All"], c.Permissions);
        });
        Assert.Contains(fixture.UserTokens.Asked, a => a.ObjectId == Alice && a.Scopes.SequenceEqual(GraphScopes.Delegated));
    }

    [Fact]
    public async Task Work_without_a_user_asks_graph_with_the_apps_token()
    {
        var before = fixture.Graph.Calls.Count;

        var contact = await fixture.Portal.Services.GetRequiredService<IDirectory>().ContactAsync(GraphStandIn.Erin, CancellationToken.None);

        Assert.Equal("erin@contoso.example", contact?.Email);
        var call = Assert.Single(fixture.Graph.Calls.Skip(before));
        Assert.Equal(GraphCall.App, call.Kind);
        Assert.Contains(GraphScopes.Application, fixture.AppCredential.Scopes);
    }

    [Fact]
    public async Task A_user_whose_token_cannot_be_had_gets_no_answer_and_graph_is_not_asked_for_them_with_the_apps_token()
    {
        fixture.UserTokens.WithoutToken[Carol] = true;
        var carol = fixture.Portal.CreatePortalClient();
        await carol.SignInAsync("carol");
        var before = fixture.Graph.Calls.Count;

        var response = await carol.GetAsync(new Uri("/People/Search?q=" + Uri.EscapeDataString("方"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", (await response.Content.ReadAsStringAsync()).Trim());
        Assert.Empty(fixture.Graph.Calls.Skip(before));
    }
}
