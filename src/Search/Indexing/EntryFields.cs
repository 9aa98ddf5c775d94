using System.Globalization;
using KnowledgeHub.Documents;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace KnowledgeHub.Search;

/// <summary>
/// The fields every entry of a document carries (the document itself, each lesson, each action item): ids,
/// kind, the document's title, facet keywords, owner, update time and read principals. Keyword values never reach
/// Lucene's 32,766-byte term and doc-values limits: facet values are cut at <see cref="MaxKeywordLength"/>
/// characters, and a principal that long is left out (an access list entry is never shortened into another one).
/// </summary>
internal static class EntryFields
{
    /// <summary>See <see cref="DocumentMapper.MaxKeywordLength"/>.</summary>
    public const int MaxKeywordLength = DocumentMapper.MaxKeywordLength;

    public static LuceneDocument Create(DocumentManifest manifest, string kind, string entryId)
    {
        var updated = manifest.UpdatedUtc.ToUnixTimeMilliseconds();
        var document = new LuceneDocument
        {
            new KeywordField(SearchFields.Id, entryId, Field.Store.YES),
            new KeywordField(SearchFields.DocId, manifest.Id, Field.Store.YES),
            new KeywordField(SearchFields.Kind, kind, Field.Store.YES),
            new TextField(SearchFields.Title, manifest.Title, Field.Store.YES),
            new TextField(SearchFields.TitleCjk, manifest.Title, Field.Store.NO),
            new Int64Field(SearchFields.Updated, updated, Field.Store.YES),
            new NumericDocValuesField(SearchFields.Updated, updated),
        };
        AddKeyword(document, SearchFields.Type, manifest.Type, stored: true);
        // The status a reader is shown: a published document with a draft in review is still Published for search.
        AddKeyword(document, SearchFields.Status, ReaderView.ReaderStatus(manifest).ToString(), stored: true);
        AddKeyword(document, SearchFields.Collection, manifest.Collection, stored: true);
        if (IsKeywordSized(manifest.Owner))
        {
            AddKeyword(document, SearchFields.Owner, SearchFields.Principal(manifest.Owner), stored: false);
        }

        AddKeyword(document, SearchFields.Year, manifest.CreatedUtc.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture), stored: false);
        var tags = manifest.Tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => Keyword(t.Trim())).Distinct(StringComparer.Ordinal).ToList();
        foreach (var tag in tags)
        {
            AddKeyword(document, SearchFields.Tags, tag, stored: true);
        }

        if (tags.Count > 0)
        {
            document.Add(new TextField(SearchFields.TagsText, string.Join(" ; ", tags), Field.Store.NO));
        }

        if (!string.IsNullOrWhiteSpace(manifest.OwnerName))
        {
            document.Add(new TextField(SearchFields.OwnerName, manifest.OwnerName, Field.Store.YES));
        }

        foreach (var principal in DocumentAccess.ReadPrincipals(manifest).Where(IsKeywordSized).Select(SearchFields.Principal).Distinct(StringComparer.Ordinal))
        {
            document.Add(new KeywordField(SearchFields.Acl, principal, Field.Store.NO));
        }

        return document;
    }

    /// <summary>The entry's text: <see cref="SearchFields.Body"/> (stored) and its bigram shadow.</summary>
    public static void AddBody(LuceneDocument document, string text)
    {
        document.Add(new TextField(SearchFields.Body, text, Field.Store.YES));
        document.Add(new TextField(SearchFields.BodyCjk, text, Field.Store.NO));
    }

    /// <summary>
    /// <paramref name="value"/> cut to <see cref="MaxKeywordLength"/> characters (never between the halves of a
    /// surrogate pair), so it fits a Lucene term and a SortedSetDocValues value.
    /// </summary>
    public static string Keyword(string value)
    {
        if (value.Length <= MaxKeywordLength)
        {
            return value;
        }

        var length = char.IsHighSurrogate(value[MaxKeywordLength - 1]) ? MaxKeywordLength - 1 : MaxKeywordLength;
        return value[..length];
    }

    private static bool IsKeywordSized(string? principal) => principal is not null && principal.Length <= MaxKeywordLength;

    /// <summary>A keyword (StringField) for filters plus SortedSetDocValues for facet counts, cut to <see cref="MaxKeywordLength"/>.</summary>
    private static void AddKeyword(LuceneDocument document, string field, string value, bool stored)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        value = Keyword(value);
        document.Add(new KeywordField(field, value, stored ? Field.Store.YES : Field.Store.NO));
        document.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }
}
