namespace KnowledgeHub.Portal.Export;

/// <summary>What the export buttons (<c>Pages/Shared/_ExportButtons.cshtml</c>) offer: one document, a collection, or a search's hits.</summary>
public sealed record ExportButtons(string Kind, string Value)
{
    /// <summary>On a search narrowed to one collection: that collection, offered as a whole too.</summary>
    public string? Collection { get; init; }

    /// <summary>DOCX and printable HTML of one document.</summary>
    public static ExportButtons ForDocument(string id) => new("document", id);

    public static ExportButtons ForCollection(string collection) => new("collection", collection);

    /// <summary>A zip of the hits; <paramref name="queryString"/> is the search page's own (words, filters, dates).</summary>
    public static ExportButtons ForSearch(QueryString queryString, IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var collections = filters.GetValueOrDefault(KnowledgeHub.Search.SearchFacets.Collection) ?? [];
        return new("search", queryString.Value ?? "") { Collection = collections.Count == 1 ? collections[0] : null };
    }
}
