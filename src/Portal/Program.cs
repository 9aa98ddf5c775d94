using KnowledgeHub.Documents;
using KnowledgeHub.Portal;
using KnowledgeHub.Search;
using KnowledgeHub.Search.Extraction;
using KnowledgeHub.Storage;

// "import PATH ...": the bulk import on the command line, with the same services, without the web host.
var import = KnowledgeHub.Portal.Import.ImportCommand.Parse(args);
var builder = WebApplication.CreateBuilder(import?.HostArgs ?? args);

// Order matters: hosted services start in registration order. Storage checks it can write, Documents
// imports content/ into an empty store, then Search catches up (or rebuilds) from what was imported.
builder.Services
    .AddKnowledgeHubStorage(builder.Configuration)
    .AddKnowledgeHubDocuments(builder.Configuration)
    .AddKnowledgeHubSearch(builder.Configuration)
    .AddKnowledgeHubAttachmentExtraction(builder.Configuration)
    .AddKnowledgeHubPortal(builder.Configuration);

if (import is not null)
{
    Environment.ExitCode = await import.RunAsync(builder, CancellationToken.None);
    return;
}

var app = builder.Build();
app.UseKnowledgeHubPortal();
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
