using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeHub.Portal.Tests.Authentication;

/// <summary>Group overage (too many groups for the token) never means "no restriction": no groups, and a warning.</summary>
public sealed class GroupOverageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>Readable by the Research group (and its owner Bob) only.</summary>
    private const string ResearchOnly = "/api/v1/documents/retro-2026-research-pricing";

    private static readonly TestIdentity Researcher = new()
    {
        ObjectId = "e5e00000-0000-4000-8000-000000000005",
        Name = "Erin Researcher",
        UserName = "erin",
        Roles = ["Reader"],
        Groups = [TestUsers.Research],
    };

    public static TheoryData<string, string> OverageClaims => new()
    {
        { "_claim_names", """{"groups":"src1"}""" },
        { "hasgroups", "true" },
    };

    [Theory]
    [MemberData(nameof(OverageClaims))]
    public void A_caller_whose_token_reports_group_overage_is_in_no_groups_even_if_groups_are_listed(string type, string value)
    {
        var claims = new List<Claim>
        {
            new("oid", Researcher.ObjectId), new("name", Researcher.Name), new("groups", TestUsers.Research), new(type, value),
        };

        var caller = CallerClaims.ToCaller(new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer")))!;

        Assert.Empty(caller.Groups);
        Assert.DoesNotContain(caller.Principals, p => p.StartsWith("group:", StringComparison.Ordinal));
    }

    [Fact]
    public void Claim_names_that_do_not_name_groups_leave_the_groups_alone()
    {
        var identity = new ClaimsIdentity(
            [new("oid", Researcher.ObjectId), new("name", "Erin"), new("groups", TestUsers.Research), new("_claim_names", """{"roles":"src1"}""")],
            "Bearer");

        Assert.Equal([TestUsers.Research], CallerClaims.ToCaller(new ClaimsPrincipal(identity))!.Groups);
    }

    [Fact]
    public async Task A_member_of_the_group_reads_the_group_document_with_the_groups_claim()
    {
        var response = await CallAsync(BearerTokens.ClaimsOf(Researcher));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task With_group_overage_the_same_member_is_refused_and_a_warning_names_the_user()
    {
        var claims = BearerTokens.ClaimsOf(Researcher with { Groups = [] });
        claims["_claim_names"] = new JsonObject { ["groups"] = "src1" };
        claims["_claim_sources"] = new JsonObject { ["src1"] = new JsonObject { ["endpoint"] = "https://graph.microsoft.com/v1.0/users/x/getMemberObjects" } };

        var response = await CallAsync(claims);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var warning = Assert.Single(portal.Logs.AtLeast(LogLevel.Warning), e => e.Category == typeof(GroupOverage).FullName);
        Assert.Contains(GroupOverage.UserHash(Researcher.ObjectId), warning.Message);
        Assert.DoesNotContain(Researcher.ObjectId, warning.Message);
        Assert.Contains("treated as in no groups", warning.Message);
    }

    private async Task<HttpResponseMessage> CallAsync(Dictionary<string, object> claims)
    {
        await portal.CreateReadyClientAsync();
        var key = await portal.Services.GetRequiredService<LocalTokenKeyStore>().GetAsync(CancellationToken.None);

        // A local token is accepted only while the token registry lists it, as the token page does.
        var id = Guid.NewGuid().ToString("N");
        claims["jti"] = id;
        await portal.Services.GetRequiredService<ApiTokenRegistry>().AddAsync(
            Researcher.ObjectId, new ApiTokenRecord(id, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1), null), CancellationToken.None);
        var token = BearerTokens.Mint(key, SecurityAlgorithms.HmacSha256, LocalTokenIssuer.Issuer, LocalTokenIssuer.Audience, claims);
        return await portal.CreatePortalClient().GetWithTokenAsync(ResearchOnly, token);
    }
}
