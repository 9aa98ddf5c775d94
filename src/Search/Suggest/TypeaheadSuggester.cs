using KnowledgeHub.Documents;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>
/// Search-as-you-type: tags containing the typed text (those starting with it first) and titles matching it,
/// the last word as a prefix. Titles match on their CJK-bigram field, which keeps English words whole and
/// unstemmed and splits Chinese into pairs, so "campa" finds "Campaign plan" and "大促复" finds "618 大促复盘".
/// Titles that start with the typed text come first, then by score and newest. Only documents the caller may
/// read and that are not archived count; a tag is suggested only when such a document carries it.
/// </summary>
internal sealed class TypeaheadSuggester(SearchAnalyzer analyzer)
{
    public const int MaxPrefixLength = 50;

    private const int MaxTagCandidates = 50;
    private const int TagsFirst = 3;

    /// <summary>Per index version (its reader, released with it): <see cref="TagsOf"/>.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IndexReader, (string Tag, string Normal)[]> TagLists = [];

    private static readonly Sort ByScoreThenNewest = new(SortField.FIELD_SCORE, new SortField(SearchFields.Updated, SortFieldType.INT64, true));

    public IReadOnlyList<SearchSuggestion> Suggest(IndexSearcher searcher, string prefix, Caller caller, int max)
    {
        var text = prefix.Length > MaxPrefixLength ? prefix[..MaxPrefixLength] : prefix;
        if (string.IsNullOrWhiteSpace(text) || max <= 0)
        {
            return [];
        }

        var filter = Visible(caller);
        var tags = Tags(searcher, text.Trim(), filter);
        var titles = Titles(searcher, text, filter, max);
        return [.. tags.Take(TagsFirst).Concat(titles).Concat(tags.Skip(TagsFirst)).Take(max)];
    }

    private static BooleanQuery Visible(Caller caller) => new(disableCoord: true)
    {
        { new TermQuery(new Term(SearchFields.Kind, EntryKinds.Document)), Occur.MUST },
        { ConstraintQueries.Readable(caller.Principals), Occur.MUST },
        { new TermQuery(new Term(SearchFields.Status, nameof(DocumentStatus.Archived))), Occur.MUST_NOT },
    };

    private static List<SearchSuggestion> Tags(IndexSearcher searcher, string text, Query visible)
    {
        // Compared in the search's normal form: 復購 or ＧＭＶ typed finds the tags 复购 and GMV as written.
        var typed = Analysis.TextNormalizer.Normalize(text);
        var candidates = new List<(string Tag, int Rank)>();
        foreach (var (tag, normal) in TagsOf(searcher.IndexReader))
        {
            if (normal.Contains(typed, StringComparison.OrdinalIgnoreCase))
            {
                candidates.Add((tag, normal.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1));
            }
        }

        return candidates
            .OrderBy(c => c.Rank)
            .ThenBy(c => c.Tag.Length)
            .Take(MaxTagCandidates)
            .Select(c => (c.Tag, c.Rank, Count: Count(searcher, new TermQuery(new Term(SearchFields.Tags, c.Tag)), visible)))
            .Where(c => c.Count > 0)
            .OrderBy(c => c.Rank)
            .ThenByDescending(c => c.Count)
            .ThenBy(c => c.Tag, StringComparer.Ordinal)
            .Select(c => new SearchSuggestion(c.Tag, SuggestionKind.Tag, null))
            .ToList();
    }

    /// <summary>
    /// The index version's tags, each with its normal form: read and normalized once per version (on its first keystroke),
    /// not on every keystroke.
    /// </summary>
    private static (string Tag, string Normal)[] TagsOf(IndexReader reader) => TagLists.GetValue(reader, static reader =>
    {
        var tags = new List<(string, string)>();
        var termsEnum = MultiFields.GetTerms(reader, SearchFields.Tags)?.GetEnumerator();
        while (termsEnum is not null && termsEnum.MoveNext())
        {
            var tag = termsEnum.Term.Utf8ToString();
            tags.Add((tag, Analysis.TextNormalizer.Normalize(tag)));
        }

        return [.. tags];
    });

    private List<SearchSuggestion> Titles(IndexSearcher searcher, string text, Query visible, int max)
    {
        var tokens = Tokens(text);
        if (tokens.Count == 0)
        {
            return [];
        }

        var query = new BooleanQuery();
        var lastIsPrefix = char.IsLetterOrDigit(text[^1]);
        for (var i = 0; i < tokens.Count; i++)
        {
            var term = new Term(SearchFields.TitleCjk, tokens[i]);
            query.Add(i == tokens.Count - 1 && lastIsPrefix ? new PrefixQuery(term) : new TermQuery(term), Occur.MUST);
        }

        var top = searcher.Search(ConstraintQueries.Restrict(query, visible), null, max * 2, ByScoreThenNewest);
        var typed = text.Trim();
        return top.ScoreDocs
            .Select(d => StoredEntry.Load(searcher, d.Doc))
            .Select(e => new SearchSuggestion(e.Title, SuggestionKind.Title, e.DocumentId))
            .DistinctBy(s => s.Text, StringComparer.Ordinal)
            .OrderBy(s => s.Text.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .Take(max)
            .ToList();
    }

    private List<string> Tokens(string text)
    {
        using var stream = analyzer.GetTokenStream(SearchFields.TitleCjk, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var tokens = new List<string>();
        while (stream.IncrementToken() && tokens.Count < BooleanQuery.MaxClauseCount / 2)
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }

    private static int Count(IndexSearcher searcher, Query query, Query visible)
    {
        var counter = new TotalHitCountCollector();
        searcher.Search(ConstraintQueries.Restrict(query, visible), counter);
        return counter.TotalHits;
    }
}
