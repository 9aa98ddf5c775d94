using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;

namespace KnowledgeHub.Documents;

/// <summary>
/// Rendered HTML by key (an immutable version: <c>"{id}/{n}"</c>), bounded to <see cref="MaxChars"/> characters of
/// HTML in all, least recently used first out. Each entry keeps the SHA-256 of the Markdown it was rendered from and
/// is used only for that same text, so a key reused for another text (a store replaced, an id recreated) renders again.
/// One per process (static), shared by every renderer: the hash makes sharing safe, and nothing needs disposing.
/// </summary>
internal static class RenderedCache
{
    /// <summary>Characters of HTML kept in all (about 64 MB).</summary>
    public const long MaxChars = 32L * 1024 * 1024;

    private static readonly MemoryCache Cache = new(new MemoryCacheOptions { SizeLimit = MaxChars });

    public static RenderedMarkdown GetOrAdd(string key, string markdown, Func<string, RenderedMarkdown> render)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = SHA256.HashData(MemoryMarshal.AsBytes(markdown.AsSpan()));
        if (Cache.TryGetValue(key, out Entry? entry) && entry is not null && entry.Hash.AsSpan().SequenceEqual(hash))
        {
            return entry.Rendered;
        }

        var rendered = render(markdown);
        var size = rendered.Html.Length + 256L;
        if (size <= MaxChars / 8)
        {
            Cache.Set(key, new Entry(hash, rendered), new MemoryCacheEntryOptions { Size = size, SlidingExpiration = TimeSpan.FromHours(6) });
        }

        return rendered;
    }

    private sealed record Entry(byte[] Hash, RenderedMarkdown Rendered);
}
