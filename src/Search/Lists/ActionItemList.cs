using KnowledgeHub.Documents;
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

    /// <summary>
    /// Every owner's open items the caller may read, counted over all of them (a list stops at its <c>Max</c>, and 20k
    /// documents hold tens of thousands of items): the matches of a segment are marked, then each owner's postings counted
    /// against them, the due day read from its doc values. Owners by handle, in no order.
    /// </summary>
    public IReadOnlyList<ActionItemLoad> Loads(IndexSearcher searcher, Caller caller, DateOnly today, DateOnly? dueBy)
    {
        var open = new BooleanQuery(disableCoord: true)
        {
            { new MatchAllDocsQuery(), Occur.MUST },
            { new TermQuery(new Term(SearchFields.Done, "true")), Occur.MUST_NOT },
        };
        var constraints = SearchConstraints.Build([], SearchFacets.NoFilters, null, null, includeArchived: false, caller);
        var counter = new LoadCounter(today.DayNumber, dueBy?.DayNumber ?? long.MinValue);
        entries.Collect(searcher, new EntryRequest(open, EntryKinds.Action, caller, constraints, null, 0, 0, Facets: false), counter);
        return counter.Loads();
    }

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

    /// <summary>Marks a segment's matches; when the segment ends, counts each owner's marked items (open, overdue, due by a day).</summary>
    private sealed class LoadCounter(long today, long dueBy) : ICollector
    {
        private readonly Dictionary<string, ActionItemLoad> loads = new(StringComparer.Ordinal);
        private AtomicReader? reader;
        private Lucene.Net.Util.FixedBitSet? matched;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Count();
            reader = context.AtomicReader;
            matched = new Lucene.Net.Util.FixedBitSet(reader.MaxDoc);
        }

        public void Collect(int doc) => matched!.Set(doc);

        public IReadOnlyList<ActionItemLoad> Loads()
        {
            Count();
            return [.. loads.Values];
        }

        private void Count()
        {
            if (reader is null || matched is null || matched.Cardinality == 0 || reader.GetTerms(SearchFields.Assignee)?.GetEnumerator() is not { } owners)
            {
                reader = null;
                return;
            }

            var due = reader.GetNumericDocValues(SearchFields.Due);
            DocsEnum? docs = null;
            while (owners.MoveNext())
            {
                var (open, overdue, soon) = (0, 0, 0);
                docs = owners.Docs(null, docs, DocsFlags.NONE);
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    if (matched.Get(doc))
                    {
                        var day = due?.Get(doc) ?? long.MaxValue;
                        (open, overdue, soon) = (open + 1, overdue + (day < today ? 1 : 0), soon + (day <= dueBy ? 1 : 0));
                    }
                }

                if (open > 0)
                {
                    var owner = owners.Term.Utf8ToString();
                    var before = loads.GetValueOrDefault(owner) ?? new ActionItemLoad(owner, 0, 0, 0);
                    loads[owner] = before with { Open = before.Open + open, Overdue = before.Overdue + overdue, DueBy = before.DueBy + soon };
                }
            }

            reader = null;
        }
    }
}
