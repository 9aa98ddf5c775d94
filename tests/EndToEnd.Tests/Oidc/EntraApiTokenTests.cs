using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace KnowledgeHub.EndToEnd.Tests.Oidc;

/// <summary>
/// The API (<c>/api/v1</c>, Microsoft.Identity.Web bearer tokens) against access tokens signed by the
/// stand-in for Entra ID: genuine ones answer by the caller's groups; forged, stale and misdirected ones get 401.
/// </summary>
[Collection(EntraCollection.Name)]
public sealed class EntraApiTokenTests(EntraPortalFixture fixture)
{
    private const string ResearchDocument = "competitor-2026-livebuy-streaming"; // readers = research group, owner alice
    private const string Search = "api/v1/search?q=" + "竞品分析";
    private const string ResearchGroup = "2e5ea2c4-0000-4000-8000-00000000a002";

    private static readonly string[] ResearchDocuments =
    [
        "competitor-2025-q4-trendgo", "competitor-2026-h1-pinpinle", "competitor-2026-livebuy-streaming",
        "competitor-2026-q3-shopfast", "ur-2026-group-buying-leaders", "ur-2026-live-shopping-diary",
        "ur-2026-membership-survey", "ur-2026-onboarding-interviews",
    ];

    public static TheoryData<string> Audiences => ["{clientId}", "api://{clientId}"];

    public static TheoryData<string> RefusedTokens =>
    [
        "no token", "not a JWT", "expired ten minutes ago", "for another application", "from another tenant",
        "tampered to add the research group", "signed with a key the provider never published",
    ];

    [Theory]
    [MemberData(nameof(Audiences))]
    public async Task A_token_for_bob_searches_and_reads_research_documents_through_the_api(string audience)
    {
        var token = await MintAsync(new AccessTokenRequest("bob") { Audience = audience.Replace("{clientId}", fixture.StandIn.ClientId, StringComparison.Ordinal) });

        var (searchStatus, search) = await GetAsync(Search, token);
        var (readStatus, read) = await GetAsync("api/v1/documents/" + ResearchDocument, token);

        Assert.Equal(HttpStatusCode.OK, searchStatus);
        Assert.NotEmpty(Ids(search).Intersect(ResearchDocuments));
        Assert.Equal(HttpStatusCode.OK, readStatus);
        Assert.Contains("播购", read, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dave")] // in no group
    [InlineData("overage")] // group overage: _claim_names instead of groups
    public async Task A_token_without_the_research_group_finds_no_research_document_and_reading_one_is_not_found(string user)
    {
        var token = await MintAsync(new AccessTokenRequest(user));
        var bob = await MintAsync(new AccessTokenRequest("bob"));

        var (searchStatus, search) = await GetAsync(Search, token);
        var (_, bobsSearch) = await GetAsync(Search, bob);
        var (readStatus, read) = await GetAsync("api/v1/documents/" + ResearchDocument, token);

        Assert.Equal(HttpStatusCode.OK, searchStatus);
        Assert.Empty(Ids(search).Intersect(ResearchDocuments));
        Assert.True(Total(search) < Total(bobsSearch), $"{user}'s total {Total(search)} is not below bob's {Total(bobsSearch)}");
        Assert.Equal(HttpStatusCode.NotFound, readStatus);
        Assert.DoesNotContain("播购", read, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task The_api_refuses_a_token_that_Entra_did_not_issue_to_this_caller_for_this_api(string token)
    {
        using var http = new HttpClient { BaseAddress = fixture.Portal.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, Search);
        var bearer = await RefusedTokenAsync(token);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.DoesNotContain("competitor-", body, StringComparison.Ordinal);
    }

    private async Task<string?> RefusedTokenAsync(string kind) => kind switch
    {
        "no token" => null,
        "not a JWT" => "c2lnbmVkIGluIGFzIGJvYg",
        "expired ten minutes ago" => await MintAsync(new AccessTokenRequest("bob") { ExpiresInSeconds = -600 }),
        "for another application" => await MintAsync(new AccessTokenRequest("bob") { Audience = "api://5f0e0000-0000-4000-8000-00000000ffff" }),
        "from another tenant" => await MintAsync(new AccessTokenRequest("bob")
        {
            Claims = new Dictionary<string, string>
            {
                ["tid"] = "0be70000-0000-4000-8000-0000000000bb",
                ["iss"] = new Uri(fixture.StandIn.Instance, "0be70000-0000-4000-8000-0000000000bb/v2.0").ToString(),
            },
        }),
        "tampered to add the research group" => AccessTokenRequest.Tamper(
            await MintAsync(new AccessTokenRequest("dave")),
            payload => payload["groups"] = new System.Text.Json.Nodes.JsonArray(ResearchGroup)),
        "signed with a key the provider never published" => await MintAsync(new AccessTokenRequest("bob") { SignedWithForeignKey = true }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such token in the table"),
    };

    private Task<string> MintAsync(AccessTokenRequest request) => fixture.StandIn.MintAccessTokenAsync(request, CancellationToken.None);

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string path, string token)
    {
        using var http = new HttpClient { BaseAddress = fixture.Portal.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static int Total(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("total").GetInt32();
    }

    /// <summary>Every string property named "id" anywhere in the JSON: the documents the answer mentions.</summary>
    private static List<string> Ids(string json)
    {
        var ids = new List<string>();
        Collect(JsonDocument.Parse(json).RootElement, ids);
        return ids;

        static void Collect(JsonElement element, List<string> ids)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, ids);
                }
            }
            else if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("id") && property.Value.ValueKind == JsonValueKind.String)
                    {
                        ids.Add(property.Value.GetString()!);
                    }

                    Collect(property.Value, ids);
                }
            }
        }
    }
}
