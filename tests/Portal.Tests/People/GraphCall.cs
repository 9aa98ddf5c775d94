using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KnowledgeHub.Portal.Tests.People;

/// <summary>
/// One request the stand-in Graph received and the bearer token it carried, read as Graph reads it: a delegated token
/// names its user (<c>oid</c>) and scopes (<c>scp</c>), an app token its application permissions (<c>roles</c>).
/// </summary>
public sealed record GraphCall(string Path, string Kind, string? UserObjectId, IReadOnlyList<string> Permissions)
{
    public const string Delegated = "delegated";
    public const string App = "app";
    public const string None = "none";

    public static GraphCall Of(HttpRequest request)
    {
        var path = request.Path + request.QueryString;
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header[7..].Split('.') is not { Length: >= 2 } parts)
        {
            return new GraphCall(path, None, null, []);
        }

        using var payload = JsonDocument.Parse(Base64Url(parts[1]));
        var root = payload.RootElement;
        if (root.TryGetProperty("scp", out var scp))
        {
            var oid = root.TryGetProperty("oid", out var o) ? o.GetString() : null;
            return new GraphCall(path, Delegated, oid, scp.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        var roles = root.TryGetProperty("roles", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
        return new GraphCall(path, App, null, roles);
    }

    /// <summary>401 without a token; 403 when the token does not hold the permission the route needs; null when allowed.</summary>
    public int? Refusal()
    {
        var needed = Path.Contains("/transitiveMember", StringComparison.Ordinal) ? "GroupMember.Read.All" : "User.ReadBasic.All";
        return Kind switch
        {
            None => StatusCodes.Status401Unauthorized,
            Delegated when !Permissions.Contains(needed) => StatusCodes.Status403Forbidden,
            App when Permissions.Count == 0 => StatusCodes.Status403Forbidden,
            _ => null,
        };
    }

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return Convert.FromBase64String(padded);
    }
}
