using KnowledgeHub.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>
/// A document as the index holds it (the fields stored on its document entry), for answering reads while storage is
/// unreachable: title, type, status and dates as readers see them, tags, owner, the text of the version readers see
/// (plain text: the index keeps no Markdown) and the names of its attachments.
/// </summary>
public sealed record IndexedDocument(
    string Id,
    string Title,
    string Type,
    DocumentStatus Status,
    string Collection,
    IReadOnlyList<string> Tags,
    string OwnerName,
    DateTimeOffset UpdatedUtc,
    string Text,
    IReadOnlyList<string> AttachmentNames,
    bool InFeeds);

/// <summary>
/// Finds one document's entry in the index for a caller, with the same access rule search applies: the entry's read
/// principals (<see cref="SearchFields.Acl"/>, written from <see cref="DocumentAccess.ReadPrincipals"/>) must hold one of
/// the caller's, inside the query. A document the caller may not read and a document the index does not hold are the
/// same: null.
/// </summary>
public sealed class IndexedDocuments(LuceneIndex index)
{
    private static readonly HashSet<string> Fields =
    [
        SearchFields.DocId, SearchFields.Title, SearchFields.Type, SearchFields.Status, SearchFields.Collection, SearchFields.Tags,
        SearchFields.OwnerName, SearchFields.Updated, SearchFields.Body, SearchFields.AttachmentNames,
    ];

    public IndexedDocument? Find(string id, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var query = new BooleanQuery(disableCoord: true)
        {
            { new TermQuery(new Term(SearchFields.DocId, id)), Occur.MUST },
            { new TermQuery(new Term(SearchFields.Kind, EntryKinds.Document)), Occur.MUST },
            { ConstraintQueries.Readable(caller.Principals), Occur.MUST },
        };
        return index.Search(searcher =>
        {
            var hits = searcher.Search(query, 1).ScoreDocs;
            if (hits.Length == 0)
            {
                return null;
            }

            var entry = StoredEntry.Load(searcher, hits[0].Doc, Fields);
            return new IndexedDocument(
                entry.DocumentId,
                entry.Title,
                entry.Type,
                entry.Status,
                entry.Collection,
                entry.Tags,
                entry.Get(SearchFields.OwnerName),
                entry.UpdatedUtc,
                entry.Body,
                entry.Document.GetValues(SearchFields.AttachmentNames, System.Globalization.CultureInfo.InvariantCulture),
                InFeeds(searcher, id));
        });
    }

    /// <summary>False for a Restricted document (never in feeds): its attachments need a grant beyond reading.</summary>
    private static bool InFeeds(IndexSearcher searcher, string id) =>
        searcher.Search(
            new BooleanQuery(disableCoord: true)
            {
                { new TermQuery(new Term(SearchFields.DocId, id)), Occur.MUST },
                { new TermQuery(new Term(WorkflowFields.Feed, "true")), Occur.MUST },
            },
            1).TotalHits > 0;
}
