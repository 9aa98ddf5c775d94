using System.Runtime.CompilerServices;
using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>
/// What a query looks for in each field, for highlighting: single terms, prefixes and phrases (terms at relative
/// positions), from every clause that is not prohibited. Built once per query object and cached while it lives, so
/// the ten hits of a page share it.
/// </summary>
internal sealed class QueryTerms
{
    private static readonly ConditionalWeakTable<Query, QueryTerms> Cache = [];

    private readonly Dictionary<string, FieldTerms> fields = new(StringComparer.Ordinal);

    private QueryTerms(Query query)
    {
        Collect(query);
        foreach (var terms in fields.Values)
        {
            terms.Freeze();
        }
    }

    public static QueryTerms Of(Query query) => Cache.GetValue(query, q => new QueryTerms(q));

    /// <summary>The field's terms, or null when the query does not look in it.</summary>
    public FieldTerms? For(string field) => fields.GetValueOrDefault(field);

    private FieldTerms Field(string field)
    {
        if (!fields.TryGetValue(field, out var terms))
        {
            fields[field] = terms = new FieldTerms();
        }

        return terms;
    }

    private void Collect(Query query)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                {
                    Collect(clause.Query);
                }

                break;
            case TermQuery term:
                Field(term.Term.Field).Terms.Add(term.Term.Text);
                break;
            case PhraseQuery phrase when phrase.GetTerms() is { Length: > 0 } terms:
                if (terms.Length == 1)
                {
                    Field(terms[0].Field).Terms.Add(terms[0].Text);
                }
                else
                {
                    Field(terms[0].Field).Phrases.Add(new Phrase([.. terms.Select(t => t.Text)], phrase.GetPositions()));
                }

                break;
            case MultiPhraseQuery multi:
                foreach (var term in multi.GetTermArrays().SelectMany(t => t))
                {
                    Field(term.Field).Terms.Add(term.Text);
                }

                break;
            case PrefixQuery prefix:
                Field(prefix.Prefix.Field).Prefixes.Add(prefix.Prefix.Text);
                break;
            case DisjunctionMaxQuery max:
                foreach (var disjunct in max.Disjuncts)
                {
                    Collect(disjunct);
                }

                break;
            case ConstantScoreQuery { Query: { } inner }:
                Collect(inner);
                break;
            case FilteredQuery filtered:
                Collect(filtered.Query);
                break;
            case RescoredQuery rescored:
                Collect(rescored.Matching);
                Collect(rescored.Bonus);
                break;
        }
    }
}

/// <summary>A phrase: its terms and their positions relative to each other.</summary>
internal sealed record Phrase(string[] Terms, int[] Positions);

/// <summary>The terms, prefixes and phrases a query looks for in one field.</summary>
internal sealed class FieldTerms
{
    private List<string>? keys;
    private Dictionary<string, int>? ids;
    private bool[]? alone;
    private int[][]? phraseIds;

    public HashSet<string> Terms { get; } = new(StringComparer.Ordinal);

    public List<string> Prefixes { get; } = [];

    public List<Phrase> Phrases { get; } = [];

    /// <summary>
    /// Strings to look for in the raw text before analysing it: a token can only come from text that contains its
    /// key (case aside). A term's key drops its last character, which Porter stemming may have changed (happy → happi).
    /// </summary>
    public IReadOnlyList<string> Keys => keys!;

    /// <summary>True when a term is not plain ASCII (Chinese): only SmartCn's segmentation can tell where it matches.</summary>
    public bool NeedsSegmenter { get; private set; }

    /// <summary>Each phrase as term ids (<see cref="Id"/>) at its relative positions.</summary>
    public int[][] PhraseIds => phraseIds!;

    /// <summary>The id of a term the query names (alone or in a phrase), else -1; <paramref name="match"/>: a match by itself (a term or a prefix).</summary>
    public int Id(ReadOnlySpan<char> term, out bool match)
    {
        var id = ids!.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(term, out var found) ? found : -1;
        match = (id >= 0 && alone![id]) || StartsWithPrefix(term);
        return id;
    }

    private bool StartsWithPrefix(ReadOnlySpan<char> term)
    {
        foreach (var prefix in Prefixes)
        {
            if (term.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Indexes the terms once collected; the object is read-only (and thread-safe) from here on.</summary>
    public void Freeze()
    {
        NeedsSegmenter = Terms.Concat(Phrases.SelectMany(p => p.Terms)).Concat(Prefixes).Any(t => !t.All(char.IsAscii));
        keys = [.. Terms.Select(Key).Concat(Phrases.SelectMany(PhraseKeys)).Concat(Prefixes).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)];
        var all = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in Terms.Concat(Phrases.SelectMany(p => p.Terms)))
        {
            all.TryAdd(term, all.Count);
        }

        var single = new bool[all.Count];
        foreach (var term in Terms)
        {
            single[all[term]] = true;
        }

        (ids, alone) = (all, single);
        phraseIds = [.. Phrases.Select(p => p.Terms.Select(t => all[t]).ToArray())];
    }

    /// <summary>
    /// A Chinese phrase is looked for as its surface text: its words joined (SmartCn: 复 盘 → 复盘) or its bigrams
    /// overlapped (大促 促复 复盘 → 大促复盘). Another phrase by its longest term, the rarest place to start at.
    /// </summary>
    private static IEnumerable<string> PhraseKeys(Phrase phrase)
    {
        var terms = phrase.Terms;
        if (!terms.All(t => t.All(QueryText.IsCjk)))
        {
            yield return Key(terms.MaxBy(t => t.Length)!);
            yield break;
        }

        yield return string.Concat(terms);
        if (terms.All(t => t.Length == 2))
        {
            yield return terms[0] + string.Concat(terms.Skip(1).Select(t => t[1..]));
        }
    }

    private static string Key(string term) =>
        term.Length > 1 && term.All(char.IsAscii) ? term[..^1] : term;
}
