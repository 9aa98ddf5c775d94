using System.Globalization;
using KnowledgeHub.Documents;
using Lucene.Net.Search;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace KnowledgeHub.Search;

/// <summary>Reads the stored fields of an index entry.</summary>
internal readonly struct StoredEntry(LuceneDocument document)
{
    public static StoredEntry Load(IndexSearcher searcher, int doc) => new(searcher.Doc(doc));

    /// <summary>Only <paramref name="fields"/>: the stored fields of other fields (e.g. long attachment texts) are not decoded.</summary>
    public static StoredEntry Load(IndexSearcher searcher, int doc, ISet<string> fields) => new(searcher.Doc(doc, fields));

    public LuceneDocument Document => document;

    public string DocumentId => Get(SearchFields.DocId);

    public string Title => Get(SearchFields.Title);

    public string Body => Get(SearchFields.Body);

    public string Type => Get(SearchFields.Type);

    public string Collection => Get(SearchFields.Collection);

    public IReadOnlyList<string> Tags => document.GetValues(SearchFields.Tags, CultureInfo.InvariantCulture);

    public DocumentStatus Status => Enum.TryParse<DocumentStatus>(Get(SearchFields.Status), out var status) ? status : DocumentStatus.Draft;

    public DateTimeOffset UpdatedUtc => DateTimeOffset.FromUnixTimeMilliseconds(document.GetField(SearchFields.Updated)?.GetInt64Value() ?? 0);

    public string Get(string field) => document.Get(field, CultureInfo.InvariantCulture) ?? "";
}
