using Lucene.Net.Search;

namespace KnowledgeHub.Search.Querying;

/// <summary>A glossary expansion of one query word: the word's own query and each synonym's, for "matched via".</summary>
internal sealed record GlossaryExpansion(string Term, Lucene.Net.Search.Query Direct, IReadOnlyList<(string Via, Lucene.Net.Search.Query Query)> Synonyms);

/// <summary>
/// How a search-box text was read beyond its syntax: the plain words' queries (all words, or most of them), the
/// exclusions, the time filter, the glossary expansions and what was left out. <see cref="Make"/> builds the variants the
/// search runs or counts: all words or most, with or without the exclusions and the time filter.
/// </summary>
internal sealed record QueryPlan
{
    /// <summary>The positive part: each word's query (glossary synonyms included), or null when the words came through the parser.</summary>
    public IReadOnlyList<Lucene.Net.Search.Query> Words { get; init; } = [];

    /// <summary>
    /// Each of <see cref="Words"/> in a title only (no synonyms), in the same order; empty when some word has no title
    /// tokens. A glossary whose title has every word was searched for by its name, not found through the terms it defines.
    /// </summary>
    public Lazy<IReadOnlyList<Lucene.Net.Search.Query>> InTitle { get; init; } = new(() => []);

    /// <summary>The query the parser made of text with operators (used instead of <see cref="Words"/>).</summary>
    public Lucene.Net.Search.Query? Parsed { get; init; }

    /// <summary>
    /// For a parsed query (<see cref="Parsed"/>) of text long enough to be copied rather than typed: the same text read as
    /// plain words, searched when the query as written finds nothing — quotes and signs pasted with a fragment are more
    /// often its text than operators. A short query's syntax is meant (<c>"exact phrase"</c> finds that or nothing).
    /// </summary>
    public Lazy<QueryPlan>? PlainFallback { get; init; }

    /// <summary>
    /// For a parsed query: the same text read as plain words, long or short (built on first use). A short query that finds
    /// nothing as written says what its words would find (<see cref="NaturalSearch.AsTypedNote"/>) rather than search them.
    /// </summary>
    public Lazy<QueryPlan>? PlainReading { get; init; }

    /// <summary>
    /// <see cref="PlainFallback"/> (built on first use: only a parsed query that found nothing asks) and its every-word
    /// query; null when there is none.
    /// </summary>
    public (QueryPlan Plan, Lucene.Net.Search.Query Words)? AsPlainWords() =>
        PlainFallback?.Value is { } plain && plain.Make(relaxed: false) is { } words ? (plain, words) : null;

    /// <summary>
    /// Words whose parts signs join (<c>GMV↑20%</c>, <c>node.js</c>, <c>ROI=3</c>), as typed: each is searched as a phrase
    /// of its parts.
    /// </summary>
    public IReadOnlyList<string> Joined { get; init; } = [];

    /// <summary>Runs of Chinese kept whole as a phrase (<c>复盘要点</c>): <see cref="RunWords"/> searches their words.</summary>
    public IReadOnlyList<string> Runs { get; init; } = [];

    /// <summary>
    /// The same text with each of <see cref="Runs"/> searched as its words (built on first use): the last reading tried,
    /// when neither every word, most of them nor any time finds anything — a document writes "复盘的要点" where the query
    /// has 复盘要点 (Chinese is typed without spaces). Null when no run is kept whole, and for the split reading itself.
    /// </summary>
    public Lazy<QueryPlan>? RunWords { get; init; }

    /// <summary>
    /// The same text with each of <see cref="Joined"/> split into its parts, each a word (built on first use): searched when
    /// nothing has every word as typed — a document writes "GMV 提升 20%" where the query has <c>GMV↑20%</c>. Null when
    /// no word is joined, and for the split reading itself.
    /// </summary>
    public Lazy<QueryPlan>? Parts { get; init; }

    /// <summary>
    /// The same plan with its last word searched as the start of a word (built on first use): tried when nothing has every
    /// word and no entry has that word, before most of the words — a name or title cut mid-word (<c>ConvertF</c>,
    /// <c>CDateFrom</c>). Null unless the text ends with that word, letters (and digits after them) of three or more.
    /// </summary>
    public Lazy<QueryPlan>? LastWordPrefix { get; init; }

    /// <summary>The parsed query without its top-level exclusions (<c>-word</c>, <c>NOT word</c>), to count what they removed.</summary>
    public Lucene.Net.Search.Query? ParsedWithoutExclusions { get; init; }

    /// <summary>The excluded words of a parsed query, as typed.</summary>
    public IReadOnlyList<string> ParsedExclusions { get; init; } = [];

    public IReadOnlyList<string> WordTexts { get; init; } = [];

    public IReadOnlyList<(string Text, Lucene.Net.Search.Query Query)> Exclusions { get; init; } = [];

    public IReadOnlyList<string> Ignored { get; init; } = [];

    /// <summary>Queries that add to the score when they match and are never required: split Chinese runs whole, the words as typed.</summary>
    public IReadOnlyList<Lucene.Net.Search.Query> Optional { get; init; } = [];

    public IReadOnlyList<string> KeptHyphens { get; init; } = [];

    public IReadOnlyList<GlossaryExpansion> Expansions { get; init; } = [];

    public AppliedTimeFilter? Time { get; init; }

    /// <summary>True when a "most words" variant exists: a plain query of two or more words.</summary>
    public bool CanRelax => Parsed is null && Words.Count >= 2 && !EveryWord;

    /// <summary>
    /// Every word required, never most: a run's words (<see cref="RunWords"/>) of text whose words as typed were relaxed
    /// already — split, a run of two words would count twice toward "most".
    /// </summary>
    public bool EveryWord { get; init; }

    /// <summary>How many words "most words" needs: half of them, rounded up.</summary>
    public int MostWords => (Words.Count + 1) / 2;

    /// <summary>
    /// True when a document with the words <paramref name="found"/> flags (one per word of <see cref="Words"/>) would count
    /// as having most of them: enough of them, and one that is no lone character when the query has lone characters and a
    /// longer Chinese word (<see cref="NeedsLongerWord"/>).
    /// </summary>
    public bool MostWordsFrom(IReadOnlyList<bool> found) =>
        CanRelax && found.Count(f => f) >= MostWords && (!NeedsLongerWord || found.Where((f, i) => f && !IsLoneCharacter(i)).Any());

    /// <summary>
    /// A word that is one Chinese character (着, 表, 会): part of so many words (显著, 表格, 会员) that alone it does not
    /// stand for a query that has longer words. "Most words" needs one of those besides: <c>意味 着</c> (or 意味著 typed
    /// as one, its words apart) found every document with 显著 where nothing has 意味.
    /// </summary>
    private bool IsLoneCharacter(int word) => word < WordTexts.Count && WordTexts[word] is var text
        && (text.Length == 1 ? text[0] : text.Length == 2 && char.IsSurrogatePair(text[0], text[1]) ? char.ConvertToUtf32(text[0], text[1]) : 0)
            is (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3FFFF);

    /// <summary>
    /// Some words are lone characters and some are longer Chinese words: most of the words must have a word other than a
    /// lone character. Beside Latin words only (<c>从LibreOfficeDr</c>, a title cut mid-word) the character is what
    /// there is to go on.
    /// </summary>
    private bool NeedsLongerWord =>
        Enumerable.Range(0, Words.Count).Any(IsLoneCharacter)
        && Enumerable.Range(0, Words.Count).Any(i => i < WordTexts.Count && !IsLoneCharacter(i) && WordTexts[i].Any(QueryText.IsCjk));

    /// <summary>
    /// <paramref name="most"/>, the words' SHOULD clauses, required to match a word other than a lone character when the
    /// query has lone characters and a longer Chinese word (<see cref="NeedsLongerWord"/>); the requirement adds nothing
    /// to the score, so the ranking is the one of most words.
    /// </summary>
    private BooleanQuery Anchored(BooleanQuery most)
    {
        if (!NeedsLongerWord)
        {
            return most;
        }

        var anchor = new BooleanQuery(disableCoord: true);
        foreach (var i in Enumerable.Range(0, Words.Count).Where(i => !IsLoneCharacter(i)))
        {
            anchor.Add(Words[i], Occur.SHOULD);
        }

        return new BooleanQuery(disableCoord: true)
        {
            { most, Occur.MUST },
            { new ConstantScoreQuery(anchor) { Boost = 0f }, Occur.MUST },
        };
    }

    /// <summary>
    /// The query: all words (or most, ranked by how many), optionally with the exclusions and the time filter; null when
    /// nothing is searched for. Without <paramref name="glossaries"/>, a glossary document matches only when its title has
    /// every word (<see cref="InTitle"/>): its body holds every term, its title names it. With <see cref="Optional"/>
    /// queries, a <see cref="RescoredQuery"/>: they add to the score of the first hits of a page by relevance.
    /// </summary>
    public Lucene.Net.Search.Query? Make(bool relaxed, bool exclusions = true, bool time = true, bool glossaries = true)
    {
        exclusionsWanted = exclusions;
        var positive = Positive(relaxed);
        if (positive is not null)
        {
            // A glossary document holds every term: every other document gets the same bonus, so it ranks below them
            // (an equal addition leaves the order of the others as it was).
            positive = new BooleanQuery(disableCoord: true)
            {
                { positive, Occur.MUST },
                { new ConstantScoreQuery(NotGlossary) { Boost = NotGlossaryBonus }, Occur.SHOULD },
            };
        }

        var withTime = time && Time is not null;
        var excluded = exclusions ? Exclusions : [];
        if (positive is null && !withTime && excluded.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery(disableCoord: true)
        {
            { positive ?? new MatchAllDocsQuery(), Occur.MUST },
        };
        if (withTime)
        {
            query.Add(PeriodFields.Overlapping(Time!.From, Time.To), Occur.MUST);
        }

        foreach (var (_, exclusion) in excluded)
        {
            query.Add(exclusion, Occur.MUST_NOT);
        }

        if (!glossaries)
        {
            query.Add(GlossariesWithoutTheWordsInTitle(), Occur.MUST_NOT);
        }

        // The optional queries (the words as typed together, a run whole) rank the hits and never decide one: a page
        // by relevance adds them to its first hits only, a count never reads them.
        return Bonus() is { } bonus ? new RescoredQuery(query, bonus) : query;
    }

    /// <summary>The constant every document but a glossary gets on top of its score.</summary>
    public const float NotGlossaryBonus = 10f;

    /// <summary>Every entry but a glossary document's, as a cached bit set: the bonus clause is checked at each hit, and a bit scan is cheaper there than a match-all query less the glossaries.</summary>
    private static readonly BitSetFilter NotGlossary = new(new BooleanQuery(disableCoord: true) { { new MatchAllDocsQuery(), Occur.MUST }, { GlossaryDocuments(), Occur.MUST_NOT } });

    private static TermQuery GlossaryDocuments() => new(new Lucene.Net.Index.Term(SearchFields.Type, Glossary.GlossaryFollower.TypeKey));

    private bool exclusionsWanted = true;

    private Lucene.Net.Search.Query GlossariesWithoutTheWordsInTitle()
    {
        var titles = InTitle.Value;
        if (titles.Count == 0 || titles.Count != Words.Count)
        {
            return GlossaryDocuments();
        }

        var inTitle = new BooleanQuery(disableCoord: true);
        foreach (var word in titles)
        {
            inTitle.Add(word, Occur.MUST);
        }

        return new BooleanQuery(disableCoord: true) { { GlossaryDocuments(), Occur.MUST }, { inTitle, Occur.MUST_NOT } };
    }

    private Lucene.Net.Search.Query? Positive(bool relaxed)
    {
        if (Parsed is not null)
        {
            return exclusionsWanted ? Parsed : ParsedWithoutExclusions ?? Parsed;
        }

        if (Words.Count == 0)
        {
            return null;
        }

        // Most words: SHOULD clauses with coordination, so documents with more of the words rank first.
        var most = relaxed ? new BooleanQuery(disableCoord: false) { MinimumNumberShouldMatch = MostWords } : new BooleanQuery(disableCoord: true);
        foreach (var word in Words)
        {
            most.Add(word, relaxed ? Occur.SHOULD : Occur.MUST);
        }

        return relaxed ? Anchored(most) : most;
    }

    /// <summary>
    /// What <see cref="Optional"/> adds to a hit's score, as one query: each optional query that matches adds its
    /// score; null when there are none (a parsed query has none).
    /// </summary>
    private BooleanQuery? Bonus()
    {
        if (Parsed is not null || Words.Count == 0 || Optional.Count == 0)
        {
            return null;
        }

        var bonus = new BooleanQuery(disableCoord: true);
        foreach (var optional in Optional)
        {
            bonus.Add(optional, Occur.SHOULD);
        }

        return bonus;
    }
}
