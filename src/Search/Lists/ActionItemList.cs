using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>
/// Lists action-item entries the caller may read: one owner's (the caller's by default) or everyone's, open
/// only unless done ones are asked for, items of archived documents left out. Sorted in the index: open before
/// done, then by due day (so overdue first), items without a due day last, then newest document.
/// </summary>
internal sealed class ActionItemList(EntrySearcher entries)
{
    public const int MaxItems = 1000;

    private static readonly Sort OpenThenDue = new(
        new SortField(SearchFields.Done, SortFieldType.INT64),
        new SortField(SearchFields.Due, SortFieldType.INT64),
        new SortField(SearchFields.Updated, SortFieldType.INT64, true));

    public ActionItemResults List(IndexSearcher searcher, ActionItemQuery request)
    {
        var mine = string.IsNullOrWhiteSpace(request.Owner);
        var owner = mine ? ActionItemQuery.HandleOf(request.Caller)
            : request.Owner == ActionItemQuery.AnyOwner ? null
            : StructureEntries.Handle(request.Owner!);
        if (mine && owner is null)
        {
            // "Mine" for a caller without a user name: nobody's items are theirs.
            return new ActionItemResults([], 0, null);
        }

        var query = new BooleanQuery(disableCoord: true) { { new MatchAllDocsQuery(), Occur.MUST } };
        if (owner is not null)
        {
            query.Add(new TermQuery(new Term(SearchFields.Assignee, owner)), Occur.MUST);
        }

        if (!request.IncludeDone)
        {
            query.Add(new TermQuery(new Term(SearchFields.Done, "true")), Occur.MUST_NOT);
        }

        var constraints = SearchConstraints.Build([], request.Filters, null, null, includeArchived: false, request.Caller);
        var max = Math.Clamp(request.Max, 1, MaxItems);
        var result = entries.Run(searcher, new EntryRequest(query, EntryKinds.Action, request.Caller, constraints, OpenThenDue, 0, max, Facets: false));
        return new ActionItemResults([.. result.Hits.Select(d => Item(searcher, d.Doc, request.Today))], result.Total, owner);
    }

    private static ActionItemHit Item(IndexSearcher searcher, int doc, DateOnly today)
    {
        var entry = StoredEntry.Load(searcher, doc);
        var dueField = entry.Document.GetField(SearchFields.Due);
        DateOnly? due = dueField is null ? null : DateOnly.FromDayNumber((int)dueField.GetInt64Value()!.Value);
        var done = entry.Get(SearchFields.Done) == "true";
        var assignee = entry.Get(SearchFields.Assignee);
        return new ActionItemHit(
            entry.DocumentId,
            entry.Title,
            entry.Body,
            assignee.Length == 0 ? null : assignee,
            due,
            done,
            Overdue: !done && due < today,
            entry.Type,
            entry.Status);
    }
}
