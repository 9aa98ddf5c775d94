using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeHub.Portal.Tests.Infrastructure;

/// <summary>Bearer tokens in tests: the one the token page issues, ones minted by hand (to refuse), and tampering.</summary>
public static class BearerTokens
{
    /// <summary>Presses "Create token" on /Account/Token (the client must be signed in) and returns the token shown.</summary>
    public static async Task<string> CreateOnTokenPageAsync(this HttpClient signedIn)
    {
        var page = await signedIn.GetDocumentAsync("/Account/Token");
        var form = page.QuerySelector<IHtmlFormElement>("form.token-form")
            ?? throw new InvalidOperationException("The token page has no token form.");
        var response = await signedIn.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await HtmlHelpers.GetDocumentAsync(response);
        return result.QuerySelector("#token-value")!.TextContent.Trim();
    }

    /// <summary>GET with <c>Authorization: Bearer</c> (none when <paramref name="token"/> is null).</summary>
    public static Task<HttpResponseMessage> GetWithTokenAsync(this HttpClient client, string url, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client.SendAsync(request);
    }

    /// <summary>A signed JWT with the given claims (arrays for repeated claims, JSON objects as <see cref="JsonObject"/>).</summary>
    public static string Mint(
        SecurityKey key,
        string algorithm,
        string issuer,
        string audience,
        IReadOnlyDictionary<string, object> claims,
        DateTime? notBefore = null,
        DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (notBefore ?? now).AddMinutes(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            Claims = claims.ToDictionary(c => c.Key, c => ToJsonValue(c.Value)),
            SigningCredentials = new SigningCredentials(key, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>The Entra-shaped claims of a test identity, as a token would carry them.</summary>
    public static Dictionary<string, object> ClaimsOf(TestIdentity identity)
    {
        var claims = new Dictionary<string, object>
        {
            ["oid"] = identity.ObjectId,
            ["tid"] = identity.TenantId,
            ["name"] = identity.Name,
            ["preferred_username"] = identity.UserName,
        };
        if (identity.Roles.Count > 0)
        {
            claims["roles"] = identity.Roles.ToArray();
        }

        if (identity.Groups.Count > 0)
        {
            claims["groups"] = identity.Groups.ToArray();
        }

        return claims;
    }

    /// <summary>The token's payload, decoded.</summary>
    public static JsonObject Payload(string token) =>
        JsonNode.Parse(Base64UrlEncoder.DecodeBytes(token.Split('.')[1]))!.AsObject();

    /// <summary>The same header and signature over a changed payload: a forgery the signature check must catch.</summary>
    public static string Tamper(string token, Action<JsonObject> change)
    {
        var parts = token.Split('.');
        var payload = Payload(token);
        change(payload);
        parts[1] = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return string.Join('.', parts);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with the payload of <paramref name="token"/>.</summary>
    public static string WithoutSignature(string token)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        return header + "." + token.Split('.')[1] + ".";
    }

    private static object ToJsonValue(object value) => value switch
    {
        string[] array => array,
        JsonObject json => JsonDocumentOf(json),
        _ => value,
    };

    private static object JsonDocumentOf(JsonObject json) => System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(json.ToJsonString());
}
