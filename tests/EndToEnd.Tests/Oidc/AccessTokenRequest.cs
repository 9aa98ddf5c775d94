using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;

namespace KnowledgeHub.EndToEnd.Tests.Oidc;

/// <summary>
/// What the stand-in's test-only <c>POST /test/token</c> should sign: an Entra-shaped v2.0 access token
/// for <see cref="User"/> (oid, tid, name, roles, groups, scp), valid for the portal unless a property says otherwise.
/// </summary>
public sealed record AccessTokenRequest(string User)
{
    /// <summary>The <c>aud</c>; null means the portal's client id.</summary>
    public string? Audience { get; init; }

    /// <summary>Seconds from now until <c>exp</c>; negative for an expired token; null means one hour.</summary>
    public int? ExpiresInSeconds { get; init; }

    /// <summary>Signed with a key the stand-in never publishes (same <c>kid</c> as its real key).</summary>
    public bool SignedWithForeignKey { get; init; }

    /// <summary>Claims that replace the user's (e.g. another tenant's <c>iss</c> and <c>tid</c>).</summary>
    public IReadOnlyDictionary<string, string>? Claims { get; init; }

    internal JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["user"] = User,
            ["aud"] = Audience,
            ["expiresIn"] = ExpiresInSeconds,
            ["key"] = SignedWithForeignKey ? "foreign" : "own",
        };
        if (Claims is not null)
        {
            json["claims"] = new JsonObject(Claims.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value)));
        }

        return json;
    }

    /// <summary>The token with its payload changed and its header and signature kept: what an attacker can do.</summary>
    public static string Tamper(string jwt, Action<JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        ArgumentNullException.ThrowIfNull(change);
        var parts = jwt.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        change(payload);
        parts[1] = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return string.Join('.', parts);
    }
}
