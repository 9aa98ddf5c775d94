using KnowledgeHub.Portal.People;
using KnowledgeHub.Portal.Tests.Authentication;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace KnowledgeHub.Portal.Tests.People;

/// <summary>
/// Entra mode with the Graph directory asks, at sign-in, for the delegated Graph scopes and an authorization code whose
/// tokens Microsoft.Identity.Web keeps (ITokenAcquisition); with the local directory it asks for nothing more.
/// </summary>
public sealed class DelegatedGraphWiringTests
{
    [Theory]
    [InlineData("Graph", true)]
    [InlineData("Local", false)]
    public async Task Sign_in_consents_to_the_delegated_graph_scopes_only_with_the_graph_directory(string directory, bool delegated)
    {
        var settings = new Dictionary<string, string>(EntraIdPortal.Settings)
        {
            ["People:Directory"] = directory,
            ["AzureAd:ClientSecret"] = "stand-in-secret",
        };
        await using var portal = PortalFactory.With("Production", settings);
        portal.CreatePortalClient();

        var oidc = portal.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);

        Assert.Equal(delegated, GraphScopes.Delegated.All(oidc.Scope.Contains));
        Assert.Equal(delegated, oidc.ResponseType.Contains(OpenIdConnectResponseType.Code, StringComparison.Ordinal));
        Assert.Equal(delegated, portal.Services.GetService<ITokenAcquisition>() is not null);
    }
}
