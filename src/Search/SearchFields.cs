namespace KnowledgeHub.Search;

/// <summary>
/// The index's field names. <see cref="SchemaVersion"/> is stored with every commit; change it whenever
/// a field's meaning or analysis changes, and the next start rebuilds the index from storage.
/// </summary>
public static class SearchFields
{
    public const int SchemaVersion = 1;

    /// <summary>The document id (StringField, stored); updates and deletes go by <c>Term("id", id)</c>.</summary>
    public const string Id = "id";

    public const string Type = "type";
    public const string Status = "status";
    public const string Collection = "collection";
    public const string Tags = "tags";
    public const string Owner = "owner";

    /// <summary>Creation year (UTC), for a year facet.</summary>
    public const string Year = "year";

    /// <summary>Last update as Unix milliseconds: stored, indexed as a long and as NumericDocValues for sorting.</summary>
    public const string Updated = "updated";

    /// <summary>The principals that may read the document, lower-cased (<see cref="Principal"/>).</summary>
    public const string Acl = "acl";

    /// <summary>SmartCn-analyzed (Chinese words, English lower-cased and Porter-stemmed).</summary>
    public const string Title = "title";

    /// <summary>SmartCn-analyzed plain text, stored with term vectors (positions and offsets) for highlighting.</summary>
    public const string Body = "body";

    /// <summary>CJK bigram shadow of <see cref="Title"/>, for words the SmartCn dictionary does not know.</summary>
    public const string TitleCjk = "title_cjk";

    /// <summary>CJK bigram shadow of <see cref="Body"/>; not stored.</summary>
    public const string BodyCjk = "body_cjk";

    /// <summary>Fields with SortedSetDocValues, for facet counts.</summary>
    public static IReadOnlyList<string> Facets { get; } = [Type, Collection, Tags, Owner, Status, Year];

    /// <summary>The one normalization of a principal, used when indexing and when filtering.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1308", Justification = "Principals are ASCII ids; lower case is the stored form.")]
    public static string Principal(string principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Trim().ToLowerInvariant();
    }
}
