using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Workflow;

/// <summary>
/// The real portal (local sign-in, TestContent) with the workflow pages and a small attachment limit,
/// so the too-large cases need only a few hundred kilobytes.
/// </summary>
public sealed class WorkflowPortal : PortalFactory
{
    public const long MaxBytes = 200_000;

    public WorkflowPortal()
        : base("Development", new Dictionary<string, string> { ["Documents:Attachments:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) })
    {
    }

    /// <summary>A browser-like client signed in as <paramref name="user"/> through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInAsync(string user)
    {
        var client = await CreateReadyClientAsync();
        await client.SignInAsync(user);
        return client;
    }
}
