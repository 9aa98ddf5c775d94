using AngleSharp.Html.Dom;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Access;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Portal.Tests.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Hostile;

/// <summary>The portal signed in as an Admin (every page is open to them), with a document per surface.</summary>
public sealed class HostilePortal : IAsyncLifetime
{
    // Warnings and errors only: 10,000s of requests would otherwise spend their time writing log lines.
    private readonly PortalFactory factory = PortalFactory.With(
        "Development",
        new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",

            // A fuzzer sends thousands of requests a minute as one user: far past any rate limit a person reaches.
            ["RateLimits:Enabled"] = "false",
        },
        TestAuthenticationHandler.AddTo);
    private readonly Dictionary<string, string> documents = new(StringComparer.Ordinal);
    private IReadOnlyList<Surface>? surfaces;
    private string token = "";

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => factory.Services;

    public async Task InitializeAsync()
    {
        Client = await factory.CreateReadyClientAsync();
        Client.DefaultRequestHeaders.Add(TestAuthenticationHandler.Header, TestAuthenticationHandler.Encode(TestUsers.Carol));
        token = await WorkflowSteps.TokenAsync(Client);
    }

    public Task DisposeAsync() => factory.DisposeAsync().AsTask();

    /// <summary>Route values: a document of the surface's own (so what one surface changes cannot hide another), version 1.</summary>
    public IReadOnlyDictionary<string, string> DefaultsFor(Surface surface) => new Dictionary<string, string>
    {
        ["id"] = documents[surface.Name],
        ["n"] = "1",
        ["name"] = "none.txt",
        ["code"] = "400",
    };

    public async Task<IReadOnlyList<Surface>> SurfacesAsync()
    {
        if (surfaces is not null)
        {
            return surfaces;
        }

        var found = await HostileSurfaces.EnumerateAsync(Services);
        foreach (var surface in found)
        {
            documents[surface.Name] = await NewDocumentAsync("hostile-" + documents.Count);
        }

        // The names the pages' own forms and links carry (dictionary keys, facet keys read from the query string).
        var names = new Dictionary<(string Method, string Path, string? Handler), HashSet<string>>();
        foreach (var get in found.Where(s => s.Method == "GET" && !s.IsApi))
        {
            var response = await Client.GetAsync(new Uri(get.Path(DefaultsFor(get)), UriKind.Relative));
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var page = await HtmlHelpers.GetDocumentAsync(response);
            foreach (var form in page.QuerySelectorAll<IHtmlFormElement>("form"))
            {
                var action = new Uri(new Uri("http://localhost"), form.GetAttribute("action") ?? get.Path(DefaultsFor(get)));
                Add((form.Method.ToUpperInvariant(), action.AbsolutePath, Handler(action)), form.Elements.Select(e => e.GetAttribute("name")).OfType<string>());
            }

            foreach (var link in page.QuerySelectorAll<IHtmlAnchorElement>("a[href^='/']"))
            {
                var target = new Uri(new Uri("http://localhost"), link.GetAttribute("href"));
                Add(("GET", target.AbsolutePath, Handler(target)), System.Web.HttpUtility.ParseQueryString(target.Query).AllKeys.OfType<string>());
            }
        }

        surfaces = [.. found.Select(s => s.IsApi ? s : HostileSurfaces.WithPageNames(s, NamesFor(s)))];
        return surfaces;

        void Add((string, string, string?) key, IEnumerable<string> more)
        {
            if (!names.TryGetValue(key, out var set))
            {
                names[key] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.UnionWith(more);
        }

        IEnumerable<string> NamesFor(Surface s) =>
            names.Where(n => n.Key.Method == s.Method
                    && string.Equals(n.Key.Handler, s.Handler, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(Uri.UnescapeDataString(n.Key.Path), Uri.UnescapeDataString(s.Path(DefaultsFor(s))), StringComparison.OrdinalIgnoreCase))
                .SelectMany(n => n.Value);
    }

    public HttpRequestMessage Request(Surface surface, string path, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        var handler = surface.Handler is null ? "" : "handler=" + surface.Handler;
        if (surface.Method == "GET")
        {
            var query = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)).Prepend(handler).Where(p => p.Length > 0));
            return new HttpRequestMessage(HttpMethod.Get, new Uri(path + (query.Length > 0 ? "?" + query : ""), UriKind.Relative));
        }

        var form = fields.Append(KeyValuePair.Create("__RequestVerificationToken", token));
        return new HttpRequestMessage(new HttpMethod(surface.Method), new Uri(path + (handler.Length > 0 ? "?" + handler : ""), UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(form),
        };
    }

    public async Task<HttpResponseMessage> PostAsync(string path, IReadOnlyDictionary<string, string> fields)
    {
        var form = fields.Append(KeyValuePair.Create("__RequestVerificationToken", token));
        return await Client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form));
    }

    /// <summary>A published retrospective owned by Carol, with a second version (so Compare has two).</summary>
    public async Task<string> NewDocumentAsync(string id)
    {
        var repository = Services.GetRequiredService<DocumentRepository>();
        var carol = TestUsers.Carol.AsCaller();
        await repository.CreateAsync(
            new NewDocument { Id = id, Type = "retrospective", Title = "Hostile " + id, Markdown = "# 复盘\n\nText.\n", Collection = "Retrospectives", Status = DocumentStatus.Published },
            carol,
            CancellationToken.None);
        return id;
    }

    private static string? Handler(Uri uri) => System.Web.HttpUtility.ParseQueryString(uri.Query)["handler"];
}
