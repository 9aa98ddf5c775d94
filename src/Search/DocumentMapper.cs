using System.Globalization;
using KnowledgeHub.Documents;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace KnowledgeHub.Search;

/// <summary>Turns a manifest and its current version into the Lucene document of <see cref="SearchFields"/>.</summary>
public sealed class DocumentMapper(MarkdownRenderer markdown)
{
    private static readonly FieldType BodyType = CreateBodyType();

    public LuceneDocument Map(DocumentManifest manifest, DocumentVersion version)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(version);
        var body = markdown.ToPlainText(version.Markdown);
        var updated = manifest.UpdatedUtc.ToUnixTimeMilliseconds();
        var document = new LuceneDocument
        {
            new StringField(SearchFields.Id, manifest.Id, Field.Store.YES),
            new TextField(SearchFields.Title, manifest.Title, Field.Store.YES),
            new TextField(SearchFields.TitleCjk, manifest.Title, Field.Store.NO),
            new Field(SearchFields.Body, body, BodyType),
            new TextField(SearchFields.BodyCjk, body, Field.Store.NO),
            new Int64Field(SearchFields.Updated, updated, Field.Store.YES),
            new NumericDocValuesField(SearchFields.Updated, updated),
        };
        AddKeyword(document, SearchFields.Type, manifest.Type, stored: true);
        AddKeyword(document, SearchFields.Status, manifest.Status.ToString(), stored: true);
        AddKeyword(document, SearchFields.Collection, manifest.Collection, stored: true);
        AddKeyword(document, SearchFields.Owner, manifest.Owner, stored: false);
        AddKeyword(document, SearchFields.Year, manifest.CreatedUtc.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture), stored: false);
        foreach (var tag in manifest.Tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal))
        {
            AddKeyword(document, SearchFields.Tags, tag, stored: true);
        }

        foreach (var principal in DocumentAccess.ReadPrincipals(manifest).Select(SearchFields.Principal).Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(SearchFields.Acl, principal, Field.Store.NO));
        }

        return document;
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

    private static FieldType CreateBodyType()
    {
        var type = new FieldType(TextField.TYPE_STORED)
        {
            StoreTermVectors = true,
            StoreTermVectorPositions = true,
            StoreTermVectorOffsets = true,
        };
        type.Freeze();
        return type;
    }
}
