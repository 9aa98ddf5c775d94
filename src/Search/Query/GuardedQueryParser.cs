using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>
/// The classic multi-field parser limited to what the search box offers: words, "phrases", AND/OR/NOT,
/// +/-, prefix* (at least two characters) and <c>title:</c>/<c>body:</c>. Fuzzy, wildcard, regular
/// expression and range syntax and other fields are refused with a <see cref="UnsupportedSyntaxException"/>.
/// Not thread-safe: one per parse.
/// </summary>
internal sealed class GuardedQueryParser : MultiFieldQueryParser
{
    public const int MinPrefixLength = 2;

    /// <summary>A tag is a chosen keyword: a match counts more than one in the text.</summary>
    public const float TagsBoost = 1.5f;

    /// <summary>A match in an attachment counts less than one in the document's own text.</summary>
    public const float AttachmentBoost = 0.5f;

    /// <summary>The fields a word without <c>title:</c>/<c>body:</c> is searched in, and their boosts: <see cref="SearchQueryBuilder.WordFields"/>.</summary>
    private static readonly string[] DefaultFields = [.. SearchQueryBuilder.WordFields.Select(f => f.Field)];

    private static readonly Dictionary<string, float> Boosts = SearchQueryBuilder.WordFields.ToDictionary(f => f.Field, f => f.Boost, StringComparer.Ordinal);

    private readonly SearchAnalyzer analyzer;

    private bool passThrough;

    public GuardedQueryParser(SearchAnalyzer analyzer)
        : base(SearchAnalyzer.Version, DefaultFields, analyzer, Boosts)
    {
        this.analyzer = analyzer;
        DefaultOperator = Operator.AND;
        AutoGeneratePhraseQueries = true;
        // Leading wildcards reach GetWildcardQuery, which refuses them with a note saying so.
        AllowLeadingWildcard = true;
        LowercaseExpandedTerms = true;
    }

    /// <summary>A word, or a phrase in quotes. An unquoted possessive is its owner (<see cref="Querying.PlainWords.Possessor"/>), as in a search without syntax; in quotes it stays as typed.</summary>
    protected override Query GetFieldQuery(string field, string queryText, bool quoted)
    {
        var text = quoted || passThrough ? queryText : Querying.PlainWords.Possessor(queryText) ?? queryText;
        return Expand(field, text, f => base.GetFieldQuery(f, text, quoted));
    }

    protected override Query GetFieldQuery(string field, string queryText, int slop) =>
        Expand(field, queryText, f => base.GetFieldQuery(f, queryText, slop));

    protected override Query GetPrefixQuery(string field, string termStr)
    {
        if (termStr.Length < MinPrefixLength)
        {
            throw new UnsupportedSyntaxException(new QueryNote(QueryNoteKind.ShortPrefix, [], MinPrefixLength));
        }

        return Expand(field, termStr, f => WithUnstemmedWords(f, termStr, WithStem(f, termStr, base.GetPrefixQuery(f, termStr))));
    }

    /// <summary>
    /// A prefix longer than the stem of the word it starts: <c>streami*</c> (streaming, indexed as "stream") or a title
    /// cut at <c>retenti</c> (retention, "retent") is in no stemmed term. The body's and attachments' bigram shadows
    /// hold their words unstemmed, and text without CJK leaves those shadows out (<see cref="Expand"/>): the prefix is
    /// searched there too, for the words whose stem it misses (<see cref="UnstemmedPrefixQuery"/>), the better of the
    /// two counting (a disjunction-max), so a document both find scores as before.
    /// </summary>
    private Query? WithUnstemmedWords(string field, string prefix, Query? query)
    {
        if (query is null || SearchFields.MayHoldCjk(prefix) || ShadowOf(field) is not { } shadow || base.GetPrefixQuery(shadow, prefix) is not PrefixQuery asWritten)
        {
            return query;
        }

        var missed = new UnstemmedPrefixQuery(asWritten.Prefix, analyzer, field)
        {
            MultiTermRewriteMethod = asWritten.MultiTermRewriteMethod,
        };
        return new DisjunctionMaxQuery(0f) { query, missed };
    }

    private static string? ShadowOf(string field) => field switch
    {
        SearchFields.Body => SearchFields.BodyCjk,
        SearchFields.AttachmentText => SearchFields.AttachmentTextCjk,
        _ => null,
    };

    /// <summary>
    /// A prefix on a stemmed field also matches the prefix's own stem as a word: <c>tags*</c> finds "tags", indexed as
    /// "tag", which the prefix alone never reaches there (only the unstemmed title shadow had it). The stem as a whole
    /// term, not as a prefix: <c>notes*</c> finds notes and note, not noted or notebook.
    /// </summary>
    private Query? WithStem(string field, string prefix, Query? query)
    {
        var lower = prefix.ToLowerInvariant();
        if (query is null || analyzer.Terms(field, lower) is not [var stem] || stem == lower)
        {
            return query;
        }

        return new BooleanQuery(disableCoord: true) { { query, Occur.SHOULD }, { new TermQuery(new Lucene.Net.Index.Term(field, stem)), Occur.SHOULD } };
    }

    protected override Query GetWildcardQuery(string field, string termStr) =>
        throw new UnsupportedSyntaxException(QueryNote.Of(termStr.StartsWith('*') || termStr.StartsWith('?')
            ? QueryNoteKind.LeadingWildcard
            : QueryNoteKind.InnerWildcard));

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) => throw Unsupported();

    protected override Query GetRegexpQuery(string field, string termStr) => throw Unsupported();

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive) => throw Unsupported();

    private static UnsupportedSyntaxException Unsupported() => new(QueryNote.Of(QueryNoteKind.UnsupportedSyntax));

    /// <summary>
    /// No field: every default field, with its boost. <c>title:</c>/<c>body:</c>: that field and its CJK bigram shadow. Any
    /// other field is refused. The body's and attachments' bigram shadows are left out for text without CJK characters,
    /// their field counting for both (<see cref="SearchFields.IsCjkOnlyShadow"/>).
    /// The base class may call back in with a field while making a clause: that passes through.
    /// </summary>
    private Query Expand(string? field, string text, Func<string, Query?> make)
    {
        if (passThrough)
        {
            return make(field!)!;
        }

        string[] fields = field switch
        {
            null => DefaultFields,
            SearchFields.Title => [SearchFields.Title, SearchFields.TitleCjk],
            SearchFields.Body => [SearchFields.Body, SearchFields.BodyCjk],
            _ => throw new UnsupportedSyntaxException(QueryNote.Of(QueryNoteKind.UnknownField, field)),
        };
        var cjk = SearchFields.MayHoldCjk(text);
        passThrough = true;
        try
        {
            var clauses = new List<BooleanClause>(fields.Length);
            foreach (var each in fields)
            {
                if ((cjk || !SearchFields.IsCjkOnlyShadow(each)) && make(each) is { } query)
                {
                    query.Boost = (field is null ? Boosts[each] : 1f) * (cjk ? 1f : SearchFields.WeightWithoutShadow(each));

                    clauses.Add(new BooleanClause(query, Occur.SHOULD));
                }
            }

            return clauses.Count == 0 ? null! : GetBooleanQuery(clauses, disableCoord: true);
        }
        finally
        {
            passThrough = false;
        }
    }
}

/// <summary>Syntax the parser understood but the search box does not offer; <see cref="Note"/> tells the user which.</summary>
#pragma warning disable CA1032 // only ever thrown with a note for the user
internal sealed class UnsupportedSyntaxException(QueryNote note) : ParseException(note.Kind.ToString())
{
    public QueryNote Note { get; } = note;
}
#pragma warning restore CA1032
