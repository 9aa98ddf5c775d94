using KnowledgeHub.Documents;
using KnowledgeHub.Portal;
using KnowledgeHub.Search;
using KnowledgeHub.Search.Extraction;
using KnowledgeHub.Storage;

var builder = WebApplication.CreateBuilder(args);

// Order matters: hosted services start in registration order. Storage checks it can write, Documents
// imports content/ into an empty store, then Search catches up (or rebuilds) from what was imported.
builder.Services
    .AddKnowledgeHubStorage(builder.Configuration)
    .AddKnowledgeHubDocuments(builder.Configuration)
    .AddKnowledgeHubSearch(builder.Configuration)
    .AddKnowledgeHubAttachmentExtraction(builder.Configuration)
    .AddKnowledgeHubPortal(builder.Configuration);

var app = builder.Build();
app.UseKnowledgeHubPortal();
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
