using System.Text;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeHub.Documents;

/// <summary>
/// The templates stored under <c>templates/{key}.md</c> in the blob store (imported from <c>content/templates</c>).
/// Parsed templates are cached for <see cref="CacheDuration"/>; <see cref="Invalidate"/> drops the cache
/// (the importer calls it). A template that does not parse is logged and left out.
/// </summary>
public sealed class TemplateCatalog(IBlobStore store, TimeProvider? time = null, ILogger<TemplateCatalog>? logger = null)
{
    public const string Prefix = "templates/";

    public static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(1);

    private readonly TimeProvider time = time ?? TimeProvider.System;
    private readonly ILogger logger = logger ?? NullLogger<TemplateCatalog>.Instance;
    private volatile CacheEntry? cache;

    /// <summary>All templates, ordered by key.</summary>
    public async Task<IReadOnlyList<DocumentTemplate>> ListAsync(CancellationToken cancellationToken) =>
        (await LoadAsync(cancellationToken)).Values.ToList();

    /// <summary>The template with that key, or null.</summary>
    public async Task<DocumentTemplate?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return (await LoadAsync(cancellationToken)).GetValueOrDefault(key);
    }

    /// <summary>
    /// The templates as last read, also once the cache has expired, without reading the store; null until they have been
    /// read once. For callers that cannot wait on storage (a search reading <c>type:</c> values).
    /// </summary>
    public IReadOnlyCollection<DocumentTemplate>? LastRead => cache?.Templates.Values;

    /// <summary>Forgets the cached templates; the next call reads the store again.</summary>
    public void Invalidate() => cache = null;

    private async Task<SortedDictionary<string, DocumentTemplate>> LoadAsync(CancellationToken cancellationToken)
    {
        var entry = cache;
        if (entry is not null && time.GetUtcNow() < entry.Expires)
        {
            return entry.Templates;
        }

        var templates = new SortedDictionary<string, DocumentTemplate>(StringComparer.Ordinal);
        await foreach (var item in store.ListAsync(Prefix, cancellationToken))
        {
            var key = item.Name.EndsWith(".md", StringComparison.Ordinal) ? item.Name[Prefix.Length..^3] : null;
            if (!DocumentIds.IsValid(key) || await store.ReadAsync(item.Name, cancellationToken) is not { } blob)
            {
                continue;
            }

            try
            {
                templates[key!] = TemplateParser.Parse(key!, Encoding.UTF8.GetString(blob.Content.Span));
            }
            catch (FormatException e)
            {
                logger.LogWarning(e, "The template {Blob} cannot be read and is left out: {Reason}", item.Name, e.Message);
            }
        }

        cache = new CacheEntry(templates, time.GetUtcNow() + CacheDuration);
        return templates;
    }

    private sealed record CacheEntry(SortedDictionary<string, DocumentTemplate> Templates, DateTimeOffset Expires);
}
