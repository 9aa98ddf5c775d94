using System.Runtime.CompilerServices;
using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Export;
using KnowledgeHub.Search;

namespace KnowledgeHub.Portal.Export;

/// <summary>A finished export zip in a temporary file (deleted when the stream closes), with its download name.</summary>
public sealed record ExportFile(Stream Content, string FileName, ExportSummary Summary);

/// <summary>
/// What the export pages hand out: a collection, a search's hits, or (admins) the whole store as a zip, written by
/// <see cref="DocumentExporter"/> to a temporary file first (the zip writer is synchronous; the response then streams
/// the file). Only what the caller may take away goes in.
/// </summary>
public sealed class ExportDownloads(DocumentRepository documents, DocumentExporter exporter, SearchService search)
{
    /// <summary>The most search hits an export takes.</summary>
    public const int MaxSearchHits = 2_000;

    public Task<ExportFile> CollectionAsync(string collection, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        return WriteAsync(InCollection(collection, cancellationToken), ExportScope.Collection(collection), caller, "collection-" + collection, cancellationToken);
    }

    /// <summary>The hits of <paramref name="request"/> (its words, filters and dates; every page, up to <see cref="MaxSearchHits"/>).</summary>
    public Task<ExportFile> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WriteAsync(Hits(request, cancellationToken), ExportScope.Search(request.Query), request.Caller, "search", cancellationToken);
    }

    /// <summary>The whole store; the caller must be an admin (the page checks, and so does this).</summary>
    public Task<ExportFile> EverythingAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsInRole(AppRoles.Admin))
        {
            throw new UnauthorizedAccessException("Only admins can export the whole store.");
        }

        return WriteAsync(documents.ListAsync(cancellationToken), ExportScope.Everything, caller, "knowledgehub", cancellationToken);
    }

    private async Task<ExportFile> WriteAsync(IAsyncEnumerable<DocumentManifest> candidates, ExportScope scope, Caller caller, string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), "knowledgehub-export-" + Guid.NewGuid().ToString("N") + ".zip");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var summary = await exporter.WriteZipAsync(candidates, scope, caller, file, cancellationToken);
            file.Position = 0;
            return new ExportFile(file, $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmm}.zip", summary);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private async IAsyncEnumerable<DocumentManifest> InCollection(string collection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var manifest in documents.ListAsync(cancellationToken))
        {
            if (string.Equals(manifest.Collection, collection, StringComparison.OrdinalIgnoreCase))
            {
                yield return manifest;
            }
        }
    }

    /// <summary>The documents a search finds for the caller (its principals filter inside the query), page by page.</summary>
    private async IAsyncEnumerable<DocumentManifest> Hits(SearchRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; seen.Count < MaxSearchHits; page++)
        {
            var results = search.Search(request with { Page = page, PageSize = SearchService.MaxPageSize });
            var ids = results.Hits.Select(h => h.DocumentId).Where(seen.Add).ToList();
            foreach (var manifest in await documents.GetManifestsAsync(ids, cancellationToken))
            {
                if (manifest is not null)
                {
                    yield return manifest;
                }
            }

            if (page >= results.PageCount || results.Hits.Count == 0)
            {
                break;
            }
        }
    }
}
