using System.Globalization;
using KnowledgeHub.Documents;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace KnowledgeHub.Search;

/// <summary>
/// The home page's lists from the index, so a visit costs a few queries and the manifests of the few documents shown,
/// whatever the size of the store: the newest readable documents (not Restricted ones: never in feeds), the documents
/// in review that list the caller as a reviewer, and the caller's documents with unapproved work. Every list is
/// trimmed by the caller's principals inside the query. The portal reads the manifests of the ids and applies the
/// exact rules (<see cref="ReviewQueries"/>) on them.
/// </summary>
public sealed class HomeFeeds(LuceneIndex index)
{
    /// <summary>The ids of the newest documents the caller may read that may appear in feeds.</summary>
    public IReadOnlyList<string> Recent(Caller caller, int count)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var query = Documents(caller);
        query.Add(new TermQuery(new Term(WorkflowFields.Feed, "true")), Occur.MUST);
        return Newest(query, count);
    }

    /// <summary>The ids of documents in review that list one of the caller's principals as a reviewer.</summary>
    public IReadOnlyList<string> AwaitingReview(Caller caller, int max)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var query = Documents(caller);
        query.Add(new TermQuery(new Term(WorkflowFields.Status, nameof(DocumentStatus.InReview))), Occur.MUST);
        query.Add(ConstraintQueries.AnyPrincipal(WorkflowFields.Reviewer, caller.Principals), Occur.MUST);
        return Newest(query, max);
    }

    /// <summary>The ids of the caller's documents (owner or editor by name) with unapproved work or a request for changes.</summary>
    public IReadOnlyList<string> Mine(Caller caller, int max)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var query = Documents(caller);
        var me = SearchFields.Principal(caller.Principal);
        query.Add(new BooleanQuery(disableCoord: true)
        {
            { new TermQuery(new Term(SearchFields.Owner, me)), Occur.SHOULD },
            { new TermQuery(new Term(WorkflowFields.Editor, me)), Occur.SHOULD },
        }, Occur.MUST);
        query.Add(new TermQuery(new Term(WorkflowFields.Queue, WorkflowFields.Pending)), Occur.MUST);
        return Newest(query, max);
    }

    private static BooleanQuery Documents(Caller caller) => new(disableCoord: true)
    {
        { new TermQuery(new Term(SearchFields.Kind, EntryKinds.Document)), Occur.MUST },
        { ConstraintQueries.Readable(caller.Principals), Occur.MUST },
    };

    private IReadOnlyList<string> Newest(Query query, int count) => index.Search(searcher =>
    {
        var sort = new Sort(new SortField(SearchFields.Updated, SortFieldType.INT64, reverse: true));
        var top = searcher.Search(new ConstantScoreQuery(query), null, Math.Max(count, 1), sort);
        var fields = new HashSet<string> { SearchFields.DocId };
        return (IReadOnlyList<string>)[.. top.ScoreDocs.Select(hit => searcher.Doc(hit.Doc, fields).Get(SearchFields.DocId, CultureInfo.InvariantCulture))];
    });
}

/// <summary>
/// The workflow fields a document entry carries for <see cref="HomeFeeds"/> (indexed, not stored): editors and
/// reviewers by principal, the workflow status, whether it has unapproved work, whether it may appear in feeds.
/// </summary>
public static class WorkflowFields
{
    public const string Editor = "editor";
    public const string Reviewer = "reviewer";
    public const string Queue = "queue";
    public const string Feed = "feed";

    /// <summary>The manifest's workflow status (the index's <see cref="SearchFields.Status"/> is the one readers are shown).</summary>
    public const string Status = "wf_status";

    /// <summary>The <see cref="Queue"/> value of a document with unapproved work (a draft, a pending draft, or changes requested).</summary>
    public const string Pending = "pending";

    public static void Add(LuceneDocument entry, DocumentManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(manifest);
        foreach (var editor in Principals(manifest.Editors))
        {
            entry.Add(new StringField(Editor, editor, Field.Store.NO));
        }

        foreach (var reviewer in Principals(manifest.Reviewers))
        {
            entry.Add(new StringField(Reviewer, reviewer, Field.Store.NO));
        }

        if (manifest.Status == DocumentStatus.Draft || manifest.HasPendingDraft || manifest.LastReview?.Decision == ReviewDecision.RequestChanges)
        {
            entry.Add(new StringField(Queue, Pending, Field.Store.NO));
        }

        entry.Add(new StringField(Status, manifest.Status.ToString(), Field.Store.NO));
        entry.Add(new StringField(Feed, manifest.Confidentiality == Confidentiality.Restricted ? "false" : "true", Field.Store.NO));
    }

    private static IEnumerable<string> Principals(IEnumerable<string> principals) =>
        principals.Where(p => !string.IsNullOrWhiteSpace(p) && p.Length <= 500).Select(SearchFields.Principal).Distinct(StringComparer.Ordinal);
}
