using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;

namespace KnowledgeHub.Search.Querying;

/// <summary>
/// Runs a <see cref="QueryPlan"/> for one page: all words first; when nothing has them all, the same read with each word
/// whose parts signs join (<c>GMV↑20%</c>) as its parts, with a note, if that finds anything; else the documents with most
/// of the words (with a note naming the words no document has); when a time filter leaves nothing, what the words find
/// at any time, with a note; how many hits <c>-word</c> exclusions removed; and for each hit found only
/// through the glossary, which term matched. <paramref name="page"/> runs a query for the page (same caller and
/// constraints), <paramref name="count"/> counts one and <paramref name="any"/> tells whether it finds anything at all (the
/// first match answers: the notes that name missing words ask only that). <see cref="Read{T}"/> is the same reading for lessons.
/// </summary>
internal static class NaturalSearch
{
    public static SearchResults Run(IndexSearcher searcher, QueryPlan? plan, Lucene.Net.Search.Query? query, Func<Lucene.Net.Search.Query?, SearchResults> page, Func<Lucene.Net.Search.Query, int> count, Func<Lucene.Net.Search.Query, bool> any)
    {
        if (plan is null)
        {
            return page(query);
        }

        var (results, notes, read) = Read(
            plan,
            query,
            page,
            count,
            any,
            results => results.Total,
            results => results.PageSize,
            (first, wider) => wider with { DidYouMean = first.DidYouMean ?? wider.DidYouMean },
            results => results.Hits.Any(hit => !IsGlossary(hit.Type)));
        var hits = read.Expansions.Count == 0 ? results.Hits : WithMatchedVia(searcher, results.Hits, read.Expansions);
        return results with { Hits = hits, Notes = [.. results.Notes, .. notes], TimeFilter = read.Time };
    }

    /// <summary>
    /// The page <paramref name="plan"/> reads to, of any kind of results (documents, lessons), and the notes on how it was
    /// read. <paramref name="total"/> and <paramref name="pageSize"/> are a page's; <paramref name="keep"/> makes a wider
    /// page keep what the first one found besides its hits (its "did you mean"). <paramref name="showsNonGlossary"/> tells
    /// whether a page shows an entry that is no glossary's: then the entries are not only glossaries, and that is not
    /// searched again. <c>Read</c>: the plan the page is of, <paramref name="plan"/> or its <see cref="QueryPlan.Parts"/>.
    /// </summary>
    public static (T Results, IReadOnlyList<QueryNote> Notes, QueryPlan Read) Read<T>(
        QueryPlan plan,
        Lucene.Net.Search.Query? query,
        Func<Lucene.Net.Search.Query?, T> page,
        Func<Lucene.Net.Search.Query, int> count,
        Func<Lucene.Net.Search.Query, bool> any,
        Func<T, int> total,
        Func<T, int> pageSize,
        Func<T, T, T> keep,
        Func<T, bool>? showsNonGlossary = null)
    {
        var results = page(query);
        if (total(results) == 0 && plan.Parts?.Value is { } parts && parts.Make(relaxed: false) is { } split)
        {
            // A word joined by signs is in no document as written, with the other words: its parts are words (all of
            // them, then most), read as any query is; when they find nothing either, the words as typed go on below.
            var (apart, apartNotes, _) = Read(parts, split, page, count, any, total, pageSize, keep, showsNonGlossary);
            if (total(apart) > 0)
            {
                return (keep(results, apart), [new QueryNote(QueryNoteKind.JoinedWordsSplit, plan.Joined), .. apartNotes], parts);
            }
        }

        var notes = new List<QueryNote>();

        // Nothing has every word, and the text ends with letters no entry has: a name or a title cut mid-word (ConvertF,
        // pasted, or typed ahead of the suggestions). As the start of a word, with every other word, before most of the
        // words would drop it; the page is then of that reading (its marks, its notes).
        if (total(results) == 0 && plan.LastWordPrefix is { } prefixed && !any(plan.Words[^1])
            && prefixed.Value.Make(relaxed: false) is { } startQuery && page(startQuery) is var started && total(started) > 0)
        {
            notes.Add(new QueryNote(QueryNoteKind.LastWordAsPrefix, [plan.WordTexts[^1]]));
            (results, plan) = (keep(results, started), prefixed.Value);
        }

        var relaxed = false;
        // Nothing has every word, or only a glossary does (it holds every term): rank entries by most words.
        // A page that shows another entry answers without a search: that entry has every word and is no glossary.
        var onlyGlossaries = total(results) > 0 && total(results) <= pageSize(results) && plan.CanRelax && showsNonGlossary?.Invoke(results) != true
            && plan.Make(relaxed: false, glossaries: false) is { } strict && !any(strict);
        if ((total(results) == 0 || onlyGlossaries) && plan.CanRelax && plan.Make(relaxed: true) is { } most)
        {
            var wider = page(most);
            if (total(wider) > total(results))
            {
                results = keep(results, wider);
                relaxed = true;
                notes.Add(MostWordsNote(plan, any));
            }
        }

        // The time filter left nothing (a title such as "Minutes: TODAY", or no report yet this week): the words' hits at
        // any time, all words first, else most of them, with a note naming the time phrase, rather than an empty page.
        var anyTime = false;
        if (total(results) == 0 && plan.Time is not null)
        {
            foreach (var relax in plan.CanRelax ? new[] { false, true } : [false])
            {
                if (plan.Make(relaxed: relax, time: false) is { } untimed && page(untimed) is var wider && total(wider) > 0)
                {
                    results = keep(results, wider);
                    (anyTime, relaxed) = (true, relax);
                    if (relax)
                    {
                        notes.Add(MostWordsNote(plan, any));
                    }

                    notes.Add(new QueryNote(QueryNoteKind.TimeFilterEmptied, [plan.Time.Phrase], total(wider)));
                    break;
                }
            }
        }

        // Still nothing, and a run of Chinese was a phrase (复盘要点, typed without spaces as Chinese is): its words apart,
        // read as any query is, when they find something; last, so every reading of the words as typed comes first. When
        // they find nothing but some of them are there, the page says which are not (意味著: nothing has 意味).
        if (total(results) == 0 && plan.RunWords?.Value is { } runWords && runWords.Make(relaxed: false) is { } wordsApart
            && Read(runWords, wordsApart, page, count, any, total, pageSize, keep, showsNonGlossary) is var (asWords, wordNotes, read)
            && (total(asWords) > 0 || wordNotes.Any(n => n.Kind == QueryNoteKind.NoneTogether)))
        {
            return (keep(results, asWords), [new QueryNote(QueryNoteKind.RunsSplit, plan.Runs), .. wordNotes.Select(n => n.Kind == QueryNoteKind.NoneTogether ? n with { OfOneRun = true } : n)], read);
        }

        var excludedWords = plan.Exclusions.Count > 0 ? [.. plan.Exclusions.Select(e => e.Text)] : plan.ParsedWithoutExclusions is null ? [] : plan.ParsedExclusions;
        if (excludedWords.Count > 0 && plan.Make(relaxed, exclusions: false, time: !anyTime) is { } all && count(all) - total(results) is > 0 and var removed)
        {
            notes.Add(new QueryNote(QueryNoteKind.ExclusionsRemoved, excludedWords, removed));
        }

        // Neither all words nor most of them found anything though some word is there, and nothing else explains the empty
        // page: say so, naming the words no entry has at all, so the user knows what to drop (three pasted words, one of them
        // known, found nothing without a word). When no word is there at all, the filters may be what left nothing: no note.
        if (total(results) == 0 && plan.CanRelax && notes.Count == 0)
        {
            var found = plan.Words.Select(any).ToList();
            if (found.Contains(true))
            {
                notes.Add(new QueryNote(QueryNoteKind.NoneTogether, [.. plan.WordTexts.Where((_, i) => !found[i])]));
            }
        }

        if (plan.Ignored.Count > 0)
        {
            notes.Add(new QueryNote(QueryNoteKind.IgnoredWords, plan.Ignored));
        }

        if (plan.KeptHyphens.Count > 0)
        {
            notes.Add(new QueryNote(QueryNoteKind.HyphensKept, plan.KeptHyphens));
        }

        return (results, notes, plan);
    }

    /// <summary>
    /// The note for a short parsed query (quotes, signs, operators) that found nothing, <see cref="QueryNoteKind.AsTypedFoundNothing"/>:
    /// how many entries have every one of its words read as plain text, the words no entry has, and that search to offer
    /// when it would find something (every word, or most: enough of them are somewhere). Null for plain words, for text long
    /// enough to be searched as words already (<see cref="QueryPlan.PlainFallback"/>) and when none of its words is in any
    /// entry. <paramref name="count"/> and <paramref name="any"/> count within the caller's access and the filters;
    /// <paramref name="filters"/>, the typed ones, stay in the search offered.
    /// </summary>
    public static QueryNote? AsTypedNote(QueryPlan plan, IReadOnlyList<TypedFilter> filters, Func<Lucene.Net.Search.Query, int> count, Func<Lucene.Net.Search.Query, bool> any)
    {
        if (plan.Parsed is null || plan.PlainFallback is not null || plan.PlainReading?.Value is not { Words.Count: > 0 } plain || plain.Make(relaxed: false) is not { } all)
        {
            return null;
        }

        var found = plain.Words.Select(any).ToList();
        if (!found.Contains(true))
        {
            return null;
        }

        var missing = plain.WordTexts.Take(found.Count).Where((_, i) => !found[i]).ToList();
        var every = missing.Count == 0 ? count(all) : 0;
        var offered = every > 0 || plain.MostWordsFrom(found);
        return new QueryNote(QueryNoteKind.AsTypedFoundNothing, missing, every) { AsWords = offered ? AsWordsText(plain, filters) : null };
    }

    /// <summary>
    /// Search-box text that reads as <paramref name="plain"/> does, without syntax: the typed filters, the time phrase, the
    /// words and the exclusions. Null if its words would still read as syntax.
    /// </summary>
    private static string? AsWordsText(QueryPlan plain, IReadOnlyList<TypedFilter> filters)
    {
        var words = string.Join(' ', [.. plain.WordTexts, .. plain.Exclusions.Select(e => "-" + e.Text)]);
        if (NaturalQueries.HasOperators(words))
        {
            return null;
        }

        return string.Join(' ', [.. filters.Select(f => f.AsSearchText), .. plain.Time is { } time ? [time.Phrase] : Array.Empty<string>(), words]);
    }

    /// <summary>True for the type of a glossary document (<see cref="Glossary.GlossaryFollower.TypeKey"/>), as a hit or lesson carries it.</summary>
    public static bool IsGlossary(string type) => string.Equals(type, Glossary.GlossaryFollower.TypeKey, StringComparison.Ordinal);

    /// <summary>Hits have most of the words: the note names the words no readable document has.</summary>
    private static QueryNote MostWordsNote(QueryPlan plan, Func<Lucene.Net.Search.Query, bool> any) =>
        new(QueryNoteKind.MostWords, [.. plan.WordTexts.Where((_, i) => !any(plan.Words[i]))]);

    /// <summary>
    /// For each expanded word a hit does not hold itself, the first synonym it holds. Each query is checked on the page's
    /// documents only, by their document numbers in this searcher (<see cref="SearchHit.IndexDoc"/>): a query's weight is
    /// built once per page and its scorer advanced to each hit, no search, no stored field read.
    /// </summary>
    private static IReadOnlyList<SearchHit> WithMatchedVia(IndexSearcher searcher, IReadOnlyList<SearchHit> hits, IReadOnlyList<GlossaryExpansion> expansions)
    {
        if (hits.Count == 0)
        {
            return hits;
        }

        if (hits.Any(hit => hit.IndexDoc < 0))
        {
            throw new InvalidOperationException("A page of hits for the glossary check lacks the hits' document numbers.");
        }

        int[] page = [.. hits.Select(hit => hit.IndexDoc).Distinct().Order()];
        var matches = new Dictionary<int, List<GlossaryMatch>>();
        foreach (var expansion in expansions)
        {
            var held = Holding(searcher, page, expansion.Direct);
            var without = page.Where(doc => !held.Contains(doc)).ToHashSet();
            foreach (var (via, query) in expansion.Synonyms)
            {
                if (without.Count == 0)
                {
                    break;
                }

                foreach (var doc in Holding(searcher, page, query).Where(without.Remove))
                {
                    (matches.TryGetValue(doc, out var list) ? list : matches[doc] = []).Add(new GlossaryMatch(expansion.Term, via));
                }
            }
        }

        return matches.Count == 0 ? hits : [.. hits.Select(hit => matches.TryGetValue(hit.IndexDoc, out var found) ? hit with { MatchedVia = found } : hit)];
    }

    /// <summary>Which of <paramref name="docs"/> (document numbers of the searcher, ascending) <paramref name="query"/> matches.</summary>
    private static HashSet<int> Holding(IndexSearcher searcher, int[] docs, Lucene.Net.Search.Query query)
    {
        var held = new HashSet<int>();
        var weight = searcher.CreateNormalizedWeight(TermContexts.Bind(searcher, query));
        var leaves = searcher.IndexReader.Leaves;
        for (var i = 0; i < docs.Length;)
        {
            var leaf = leaves[ReaderUtil.SubIndex(docs[i], leaves)];
            var end = leaf.DocBase + leaf.AtomicReader.MaxDoc;
            var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            for (; i < docs.Length && docs[i] < end; i++)
            {
                var local = docs[i] - leaf.DocBase;
                if (scorer is not null && (scorer.DocID >= local || scorer.Advance(local) != DocIdSetIterator.NO_MORE_DOCS) && scorer.DocID == local)
                {
                    held.Add(docs[i]);
                }
            }
        }

        return held;
    }
}
