using System.Globalization;
using KnowledgeHub.Documents;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace KnowledgeHub.Search;

/// <summary>
/// The fields every entry of a document carries (the document itself, each lesson, each action item): ids,
/// kind, the document's title, facet keywords, owner, update time and read principals.
/// </summary>
internal static class EntryFields
{
    public static LuceneDocument Create(DocumentManifest manifest, string kind, string entryId)
    {
        var updated = manifest.UpdatedUtc.ToUnixTimeMilliseconds();
        var document = new LuceneDocument
        {
            new StringField(SearchFields.Id, entryId, Field.Store.YES),
            new StringField(SearchFields.DocId, manifest.Id, Field.Store.YES),
            new StringField(SearchFields.Kind, kind, Field.Store.YES),
            new TextField(SearchFields.Title, manifest.Title, Field.Store.YES),
            new TextField(SearchFields.TitleCjk, manifest.Title, Field.Store.NO),
            new Int64Field(SearchFields.Updated, updated, Field.Store.YES),
            new NumericDocValuesField(SearchFields.Updated, updated),
        };
        AddKeyword(document, SearchFields.Type, manifest.Type, stored: true);
        AddKeyword(document, SearchFields.Status, manifest.Status.ToString(), stored: true);
        AddKeyword(document, SearchFields.Collection, manifest.Collection, stored: true);
        AddKeyword(document, SearchFields.Owner, SearchFields.Principal(manifest.Owner), stored: false);
        AddKeyword(document, SearchFields.Year, manifest.CreatedUtc.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture), stored: false);
        var tags = manifest.Tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToList();
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

        foreach (var principal in DocumentAccess.ReadPrincipals(manifest).Select(SearchFields.Principal).Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(SearchFields.Acl, principal, Field.Store.NO));
        }

        return document;
    }

    /// <summary>The entry's text: <see cref="SearchFields.Body"/> (stored) and its bigram shadow.</summary>
    public static void AddBody(LuceneDocument document, string text)
    {
        document.Add(new TextField(SearchFields.Body, text, Field.Store.YES));
        document.Add(new TextField(SearchFields.BodyCjk, text, Field.Store.NO));
    }

    /// <summary>A StringField for filters plus SortedSetDocValues for facet counts.</summary>
    private static void AddKeyword(LuceneDocument document, string field, string value, bool stored)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        document.Add(new StringField(field, value, stored ? Field.Store.YES : Field.Store.NO));
        document.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }
}
