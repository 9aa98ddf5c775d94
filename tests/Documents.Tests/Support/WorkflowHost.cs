using System.Text;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeHub.Documents.Tests.Support;

/// <summary>
/// The workflow services on a real file-system store, with the repository's own templates from content/
/// (so conformance is checked against the templates users get). Deleted on dispose.
/// </summary>
public sealed class WorkflowHost : IDisposable
{
    /// <summary>A retrospective that satisfies content/templates/retrospective.md.</summary>
    public const string ConformingRetro = """
        ## 目标与结果 Goals and results

        GMV 目标 1.5 亿，实际 1.68 亿（112%）。

        ## 做得好的 What went well

        - 预售定金膨胀带来 35% 的 GMV

        ## 做得不好的 What went badly

        - 0 点高峰支付失败率 2.1%

        ## 根本原因 Root causes

        压测没有覆盖整点场景。

        ## 经验教训 Lessons

        - 大促压测必须覆盖整点峰值

        ## 行动项 Action items

        - [ ] 整点压测纳入上线检查单 @bob due:2026-07-15
        """;

    private static readonly string ContentRoot = ContentRootLocator.Locate(null, AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The repository's content folder was not found from " + AppContext.BaseDirectory);

    public WorkflowHost()
    {
        Templates = new TemplateCatalog(Store.Blobs, Store.Clock);
        Audit = new AuditLog(Store.Blobs, Store.Clock);
        Reviews = new ReviewLog(Store.Blobs);
        Workflow = new DocumentWorkflow(Store.Repository, Templates, Reviews, Audit, Store.Clock, NullLogger<DocumentWorkflow>.Instance);
        History = new DocumentHistory(Store.Repository, Reviews, Audit);
    }

    public TestStore Store { get; } = new();

    public DocumentRepository Repository => Store.Repository;

    public TemplateCatalog Templates { get; }

    public AuditLog Audit { get; }

    public ReviewLog Reviews { get; }

    public DocumentWorkflow Workflow { get; }

    public DocumentHistory History { get; }

    /// <summary>The queues of <paramref name="caller"/> over every document of the store (the portal asks the index for the candidates).</summary>
    public async Task<ReviewQueues> QueuesAsync(Caller caller)
    {
        var manifests = new List<DocumentManifest>();
        await foreach (var manifest in Repository.ListAsync(CancellationToken.None))
        {
            manifests.Add(manifest);
        }

        return ReviewQueries.From(manifests, caller);
    }

    /// <summary>Stores the repository's templates, as the importer does on first start.</summary>
    public async Task InitializeAsync()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(ContentRoot, "templates"), "*.md"))
        {
            await Store.Blobs.WriteAsync("templates/" + Path.GetFileName(file), await File.ReadAllBytesAsync(file), WriteCondition.None, CancellationToken.None);
        }
    }

    public static string TemplateText(string key) => File.ReadAllText(Path.Combine(ContentRoot, "templates", key + ".md"), Encoding.UTF8);

    /// <summary>A retrospective by Alice with <paramref name="markdown"/> (conforming by default).</summary>
    public Task<DocumentManifest> CreateRetroAsync(string markdown = ConformingRetro, DocumentStatus status = DocumentStatus.Draft) =>
        Repository.CreateAsync(People.Retro() with { Markdown = markdown, Status = status }, People.Alice, CancellationToken.None);

    public async Task<DocumentManifest> SaveAsync(DocumentManifest manifest, string markdown, Caller author)
    {
        var result = await Repository.SaveAsync(
            new DocumentEdit { Id = manifest.Id, BaseVersion = manifest.CurrentVersion, Title = manifest.Title, Markdown = markdown },
            author,
            CancellationToken.None);
        return Assert.IsType<SaveResult.Saved>(result).Manifest;
    }

    public async Task<List<AuditEntry>> AuditEntriesAsync()
    {
        var day = DateOnly.FromDateTime(Store.Clock.GetUtcNow().UtcDateTime);
        var entries = new List<AuditEntry>();
        await foreach (var entry in Audit.ReadAsync(day, day, CancellationToken.None))
        {
            entries.Add(entry);
        }

        return entries;
    }

    public void Dispose()
    {
        Store.Dispose();
    }
}
