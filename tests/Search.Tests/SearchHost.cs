using KnowledgeHub.Documents;
using KnowledgeHub.Search.Glossary;
using KnowledgeHub.Search.Tests.Query;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// The real parts wired by hand in a temp folder: a FileSystemBlobStore under <c>blobs</c>, the repository
/// and change log on it, and a Lucene index under <c>index</c> with its synchronizer and search service.
/// </summary>
public sealed class SearchHost : IAsyncDisposable
{
    private SearchHost(string root, string? indexPath, IAttachmentTextProvider? attachments)
    {
        Root = root;
        Attachments = attachments;
        Store = new FileSystemBlobStore(Path.Combine(root, "blobs"));
        ChangeLog = new ChangeLog(Store, TimeProvider.System);
        Repository = new DocumentRepository(Store, ChangeLog, TimeProvider.System, NullLogger<DocumentRepository>.Instance);
        Templates = new TemplateCatalog(Store);
        IndexPath = indexPath ?? Path.Combine(root, "index");
        OpenIndex();
    }

    public string Root { get; }

    /// <summary>What the synchronizer indexes as attachment text (null: the default, none).</summary>
    public IAttachmentTextProvider? Attachments { get; }

    public string IndexPath { get; }

    public FileSystemBlobStore Store { get; }

    public ChangeLog ChangeLog { get; }

    public DocumentRepository Repository { get; }

    /// <summary>The templates under <c>templates/</c> in <see cref="Store"/> (none unless a test writes them), as the portal wires them: the synchronizer indexes type names from them, the service reads typed <c>type:</c> values by them.</summary>
    public TemplateCatalog Templates { get; }

    public SearchAnalyzer Analyzer { get; } = new();

    public LuceneIndex Index { get; private set; } = null!;

    public IndexSynchronizer Synchronizer { get; private set; } = null!;

    /// <summary>The documents the synchronizer could not index whole.</summary>
    public IndexProblems Problems { get; private set; } = null!;

    public SearchService Service { get; private set; } = null!;

    /// <summary>The glossary queries expand with (empty until <see cref="LoadGlossaryAsync"/> or a follower fills it).</summary>
    public GlossaryState Glossary { get; } = new();

    /// <summary>Pages of results the service keeps (<see cref="SearchOptions.ResultCacheEntries"/>); applies when the index is (re)opened.</summary>
    public int ResultCacheEntries { get; set; } = new SearchOptions().ResultCacheEntries;

    /// <summary>"Now" for time words in queries; the real time unless a test sets it.</summary>
    public SettableClock Clock { get; } = new();

    /// <summary>
    /// Loads the published glossaries, as the node's glossary follower does at start (through the index when it is built,
    /// waiting for it at most <paramref name="indexWait"/>).
    /// </summary>
    public async Task<GlossaryFollower> LoadGlossaryAsync(TimeSpan? indexWait = null, ILogger<GlossaryFollower>? logger = null)
    {
        var follower = new GlossaryFollower(Repository, ChangeLog, Glossary, logger ?? NullLogger<GlossaryFollower>.Instance, Index, indexWait);
        await follower.LoadAsync(CancellationToken.None);
        return follower;
    }

    public static SearchHost Create(IAttachmentTextProvider? attachments = null) => new(NewTempFolder(), null, attachments);

    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "kh-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Closes the index (as at process exit) and opens it again from disk.</summary>
    public void ReopenIndex(Action<string>? whileClosed = null)
    {
        CloseIndex();
        whileClosed?.Invoke(IndexPath);
        OpenIndex();
    }

    public async Task<DocumentManifest> AddAsync(TestDoc doc, Caller? author = null, bool catchUp = true)
    {
        var manifest = await Repository.CreateAsync(doc.ToNewDocument(), author ?? TestCallers.Alice, CancellationToken.None);
        if (catchUp)
        {
            await Synchronizer.CatchUpAsync(CancellationToken.None);
        }

        return manifest;
    }

    public SearchResults Search(string query, Caller? caller = null, int page = 1, int pageSize = 10) =>
        Service.Search(new SearchRequest { Query = query, Caller = caller ?? TestCallers.Carol, Page = page, PageSize = pageSize });

    /// <summary>Runs <paramref name="request"/> as it is (its own caller, filters, sort).</summary>
    public SearchResults Search(SearchRequest request) => Service.Search(request);

    /// <summary>The ids of every hit of <paramref name="request"/> (one big page), sorted.</summary>
    public string[] Ids(SearchRequest request) =>
        [.. Service.Search(request with { Page = 1, PageSize = 100 }).Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal)];

    /// <summary>The ids of every hit (one big page), sorted, for set comparisons.</summary>
    public string[] Ids(string query, Caller? caller = null) =>
        [.. Search(query, caller, 1, 100).Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal)];

    public ValueTask DisposeAsync()
    {
        CloseIndex();
        Analyzer.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS: the temp folder is cleaned up later.
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Opens the index at <see cref="IndexPath"/> with a new synchronizer and search service.</summary>
    public void OpenIndex()
    {
        Index = new LuceneIndex(IndexPath, Analyzer, NullLogger<LuceneIndex>.Instance);
        var highlighter = new SnippetHighlighter(Analyzer);
        // The result cache on, as in the portal: every search test also checks that no cached page outlives a change.
        Service = new SearchService(Index, new SearchQueryBuilder(Analyzer, Glossary, null, Clock), highlighter, NullLogger<SearchService>.Instance, options: Options.Create(new SearchOptions { ResultCacheEntries = ResultCacheEntries }), templates: Templates);
        Synchronizer = new IndexSynchronizer(
            Index,
            Repository,
            ChangeLog,
            new DocumentMapper(new MarkdownRenderer()),
            Problems = new IndexProblems(Index),
            Options.Create(new SearchOptions { RebuildProgressEvery = 2 }),
            NullLogger<IndexSynchronizer>.Instance,
            Attachments,
            templates: Templates);
    }

    /// <summary>
    /// A second synchronizer of this index, which the caller disposes: with <paramref name="options"/>, reading through
    /// <paramref name="store"/> instead of <see cref="Store"/> when given, with <paramref name="attachments"/> when given.
    /// </summary>
    public IndexSynchronizer NewSynchronizer(SearchOptions options, IBlobStore? store = null, IAttachmentTextProvider? attachments = null) => new(
        Index,
        store is null ? Repository : new DocumentRepository(store, ChangeLog, TimeProvider.System, NullLogger<DocumentRepository>.Instance),
        ChangeLog,
        new DocumentMapper(new MarkdownRenderer()),
        new IndexProblems(Index),
        Options.Create(options),
        NullLogger<IndexSynchronizer>.Instance,
        attachments ?? Attachments);

    /// <summary>Disposes the index as the process would at exit.</summary>
    public void CloseIndex()
    {
        Synchronizer?.Dispose();
        Index?.Dispose();
    }
}

/// <summary>A small document for tests.</summary>
public sealed record TestDoc(string Id, string Title, string Markdown)
{
    public Confidentiality Confidentiality { get; init; } = Confidentiality.Internal;

    public IReadOnlyList<string> Readers { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string Type { get; init; } = "retrospective";

    public string Collection { get; init; } = "Retrospectives";

    public DocumentStatus Status { get; init; } = DocumentStatus.Published;

    /// <summary>Creation (and so last update) time; null: now.</summary>
    public DateTimeOffset? Created { get; init; }

    public NewDocument ToNewDocument() => new()
    {
        Id = Id,
        Type = Type,
        Title = Title,
        Markdown = Markdown,
        Confidentiality = Confidentiality,
        Readers = Readers,
        Tags = Tags,
        Collection = Collection,
        Status = Status,
        CreatedUtc = Created,
    };
}
