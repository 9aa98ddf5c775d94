using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Access;

/// <summary>A generated user for the access tests, signed in through the test scheme with Entra-shaped claims.</summary>
public sealed record TestUser(string ObjectId, string UserName, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups)
{
    public string Name => "Test " + UserName;

    public string Principal => Caller.UserPrincipal(ObjectId);

    public Caller Caller => new() { ObjectId = ObjectId, Name = Name, UserName = UserName, Roles = Roles, Groups = Groups };

    public TestIdentity Identity => new() { ObjectId = ObjectId, Name = Name, UserName = UserName, Roles = Roles, Groups = Groups };

    /// <summary>A GUID-shaped id from a number, so tests name users and groups readably (kind 1 = user, 2 = group).</summary>
    public static string Id(int kind, int number) => $"{kind:x8}-0000-4000-8000-{number:x12}";
}

/// <summary>A portal (own temp storage and index, TestContent imported) where each request signs in as the user its client names.</summary>
public sealed class TestCallerPortal : IAsyncDisposable
{
    private readonly TestSignInPortalFactory factory = new();

    public IServiceProvider Services => factory.Services;

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A client acting as <paramref name="user"/> (cookies kept, redirects not followed).</summary>
    public HttpClient ClientFor(TestUser user) => factory.CreateClientAs(user.Identity);

    /// <summary>Waits until /healthz answers 200: the sample import and the first index catch-up are done.</summary>
    public async Task WaitUntilReadyAsync() => (await factory.CreateReadyClientAsync()).Dispose();

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();
}
