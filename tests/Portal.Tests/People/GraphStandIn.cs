using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Portal.Tests.People;

/// <summary>
/// A stand-in for Microsoft Graph on a loopback port: <c>/v1.0/users?$filter=startswith(...)</c>, <c>/v1.0/groups</c>,
/// <c>/v1.0/users/{id}</c>, <c>/v1.0/groups/{id}</c>, <c>/v1.0/users/{id}/transitiveMemberOf</c> (two pages, so paging is
/// followed) and <c>/v1.0/groups/{id}/transitiveMembers</c>, answering Graph-shaped JSON. Every request path is kept.
/// </summary>
public sealed partial class GraphStandIn : IAsyncDisposable
{
    public const string Erin = "e5e00000-0000-4000-8000-000000000005";
    public const string Frank = "f4a00000-0000-4000-8000-000000000006";
    public const string Research = "2e5ea2c4-0000-4000-8000-00000000a002";
    public const string Marketing = "3a3a0000-0000-4000-8000-00000000a003";
    public const string Other = "4b4b0000-0000-4000-8000-00000000a004";

    private static readonly (string Id, string Name, string Mail, string Language)[] Users =
    [
        (Erin, "Erin Researcher 艾琳", "erin@contoso.example", "en-US"),
        (Frank, "方凯 Frank Fang", "frank@contoso.example", "zh-CN"),
    ];

    private static readonly (string Id, string Name)[] Groups =
    [
        (Research, "研究组 Research"), (Marketing, "Marketing 市场部"), (Other, "Other team"),
    ];

    private readonly WebApplication app;

    private GraphStandIn(WebApplication app) => this.app = app;

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Every request with the token it carried (<see cref="GraphCall"/>).</summary>
    public ConcurrentQueue<GraphCall> Calls { get; } = new();

    /// <summary>The base URL to give the portal (<c>People:GraphBaseUrl</c>).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <param name="requireTokens">
    /// As Graph does: refuse a request without a bearer token (401), and one whose delegated token lacks the route's
    /// scope, or whose app token lacks a role (403).
    /// </param>
    public static async Task<GraphStandIn> StartAsync(bool requireTokens = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var standIn = new GraphStandIn(app);
        app.Use(async (context, next) =>
        {
            standIn.Requests.Enqueue(context.Request.Path + context.Request.QueryString);
            var call = GraphCall.Of(context.Request);
            standIn.Calls.Enqueue(call);
            if (requireTokens && call.Refusal() is { } status)
            {
                context.Response.StatusCode = status;
                await context.Response.WriteAsync("""{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges."}}""");
                return;
            }

            await next(context);
        });
        app.MapGet("/v1.0/users", (HttpContext c) => Page(Users.Where(u => Filter(c, u.Name, u.Mail)).Select(User)));
        app.MapGet("/v1.0/groups", (HttpContext c) => Page(Groups.Where(g => Filter(c, g.Name, "")).Select(Group)));
        app.MapGet("/v1.0/users/{id}", (string id) => Users.Where(u => u.Id == id).Select(User).FirstOrDefault() is { } u
            ? Results.Text(u.ToJsonString(), "application/json") : NotFound());
        app.MapGet("/v1.0/groups/{id}", (string id) => Groups.Where(g => g.Id == id).Select(Group).FirstOrDefault() is { } g
            ? Results.Text(g.ToJsonString(), "application/json") : NotFound());
        app.MapGet("/v1.0/users/{id}/transitiveMemberOf", (string id, HttpContext c) =>
        {
            if (id != Erin)
            {
                return NotFound();
            }

            // Erin is in three groups, a directory role (not a group) in between, given in two pages.
            var second = c.Request.Query.ContainsKey("page2");
            var next = $"{standIn.BaseUrl}/users/{Erin}/transitiveMemberOf?page2=1";
            return second
                ? Page([Group(Groups[2])])
                : Page([Group(Groups[0]), new JsonObject { ["@odata.type"] = "#microsoft.graph.directoryRole", ["id"] = "9e9e0000-0000-4000-8000-000000000009" }, Group(Groups[1])], next);
        });
        app.MapGet("/v1.0/groups/{id}/transitiveMembers", (string id) =>
            Page(id == Research ? [User(Users[0])] : []));
        await app.StartAsync();
        var address = app.Urls.First();
        standIn.BaseUrl = address.TrimEnd('/') + "/v1.0";
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static bool Filter(HttpContext context, string name, string mail)
    {
        var filter = context.Request.Query["$filter"].ToString();
        var terms = StartsWith().Matches(filter).Select(m => m.Groups["term"].Value.Replace("''", "'", StringComparison.Ordinal)).ToList();
        return terms.Count == 0 || terms.Any(t => name.StartsWith(t, StringComparison.OrdinalIgnoreCase) || mail.StartsWith(t, StringComparison.OrdinalIgnoreCase));
    }

    private static JsonObject User((string Id, string Name, string Mail, string Language) u) => new()
    {
        ["@odata.type"] = "#microsoft.graph.user",
        ["id"] = u.Id,
        ["displayName"] = u.Name,
        ["mail"] = u.Mail,
        ["userPrincipalName"] = u.Mail,
        ["preferredLanguage"] = u.Language,
    };

    private static JsonObject Group((string Id, string Name) g) => new()
    {
        ["@odata.type"] = "#microsoft.graph.group",
        ["id"] = g.Id,
        ["displayName"] = g.Name,
    };

    private static IResult Page(IEnumerable<JsonObject> items, string? next = null)
    {
        var body = new JsonObject { ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#directoryObjects", ["value"] = new JsonArray([.. items]) };
        if (next is not null)
        {
            body["@odata.nextLink"] = next;
        }

        return Results.Text(body.ToJsonString(), "application/json");
    }

    private static IResult NotFound() => Results.Text(
        """{"error":{"code":"Request_ResourceNotFound","message":"Resource does not exist."}}""", "application/json", statusCode: 404);

    [GeneratedRegex(@"startswith\(\w+,'(?<term>(?:[^']|'')*)'\)")]
    private static partial Regex StartsWith();
}
