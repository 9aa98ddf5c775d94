using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Import;

/// <summary>The real portal with the repository's own content/ (every template, the 41 samples), for import and export tests.</summary>
public sealed class ImportPortal : PortalFactory
{
    public ImportPortal()
        : base("Development", new Dictionary<string, string> { ["Documents:ContentRoot"] = ImportCorpus.ContentRoot, ["Search:Extraction:Timeout"] = "00:01:00" })
    {
    }

    public async Task<HttpClient> SignedInAsync(string user)
    {
        var client = await CreateReadyClientAsync();
        await client.SignInAsync(user);
        return client;
    }
}
