using KnowledgeHub.Documents;
using KnowledgeHub.Search.Glossary;
using KnowledgeHub.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>A parsed user query: null when there is nothing to search for; <see cref="Notes"/> say what was not read as typed.</summary>
public sealed record ParsedQuery(Query? Query, IReadOnlyList<QueryNote> Notes);

/// <summary>
/// Search-box text split into its words' query (null when only filters or nothing), the words' text and its typed
/// filters; <see cref="Notes"/> say what was not read as typed (text cut, syntax searched as words).
/// </summary>
internal sealed record ParsedSearch(Query? Query, string Words, IReadOnlyList<TypedFilter> Filters, IReadOnlyList<QueryNote> Notes)
{
    /// <summary>How the words were read (time filter, most words, glossary, exclusions); null when there are none.</summary>
    public QueryPlan? Plan { get; init; }
}

/// <summary>
/// User text → Lucene query. Syntax: words (all required), "exact phrases", AND/OR/NOT, +word, -word,
/// prefix* and title:/body:. Each CJK run is a phrase on the SmartCn field and on the bigram field, never
/// loose characters. Text the parser cannot read is searched as plain words, with a note (<see cref="ParsedQuery.Notes"/>).
/// </summary>
public sealed class SearchQueryBuilder(SearchAnalyzer analyzer, GlossaryState? glossary = null, ISearchTimeZone? timeZone = null, TimeProvider? time = null)
{
    private readonly NaturalQueries natural = new(analyzer, glossary, timeZone ?? ConfiguredSearchTimeZone.Shanghai, time ?? TimeProvider.System);

    public const int MaxQueryLength = 500;

    /// <summary>The note for a query (or a prefix's expansion) with more clauses than Lucene allows.</summary>
    public static QueryNote TooComplexNote { get; } = QueryNote.Of(QueryNoteKind.TooComplex);

    internal static readonly (string Field, float Boost)[] WordFields =
    [
        (SearchFields.Title, 3f), (SearchFields.TitleCjk, 3f), (SearchFields.Body, 1f), (SearchFields.BodyCjk, 1f), (SearchFields.TagsText, GuardedQueryParser.TagsBoost),
        (SearchFields.AttachmentText, GuardedQueryParser.AttachmentBoost), (SearchFields.AttachmentTextCjk, GuardedQueryParser.AttachmentBoost),
    ];

    /// <summary><see cref="WordFields"/> for a word without CJK text: no bigram shadow, its field counting for both.</summary>
    private static readonly (string Field, float Boost)[] WordFieldsWithoutShadows =
    [
        .. WordFields
            .Where(f => !SearchFields.IsCjkOnlyShadow(f.Field))
            .Select(f => (f.Field, f.Boost * SearchFields.WeightWithoutShadow(f.Field))),
    ];

    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "AND", "OR", "NOT", "&&", "||" };

    internal SearchAnalyzer Analyzer => analyzer;

    /// <summary>The fields a plain word is searched in, with their boosts: all of <see cref="WordFields"/> when it may hold CJK text.</summary>
    internal static IReadOnlyList<(string Field, float Boost)> WordFieldsFor(string word) =>
        SearchFields.MayHoldCjk(word) ? WordFields : WordFieldsWithoutShadows;

    /// <summary>
    /// Search-box text: typed filters (<see cref="FilterSyntax"/>; <paramref name="reads"/> tells a filter typed with a
    /// Chinese name from prose) are taken out first, the rest is parsed as <see cref="Parse"/> does. Text longer than
    /// <see cref="MaxQueryLength"/> is cut first, with a note.
    /// </summary>
    internal ParsedSearch ParseSearch(string text, Caller? caller = null, Func<TypedFilter, bool>? reads = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (trimmed, tooLong) = Prepared(text);
        var (withoutTime, timeFilter) = natural.ReadTime(trimmed, caller);
        var (withFilters, filters) = FilterSyntax.Extract(withoutTime, reads);
        var (rest, emptyField) = NaturalQueries.WithoutEmptyField(NaturalQueries.WithoutStrayMarks(NaturalQueries.WithProseColons(withFilters)));
        IReadOnlyList<QueryNote> read = [.. Notes(tooLong), .. Notes(emptyField)];
        if (rest.Length == 0 && timeFilter is null)
        {
            return new ParsedSearch(null, rest, filters, read);
        }

        // Syntax the parser cannot read is searched as plain words, as text without syntax is (most words when nothing
        // has them all: a pasted sentence with one parenthesis is a passage, not a query), with the note saying why.
        var unread = (QueryNote?)null;
        if (NaturalQueries.HasOperators(rest))
        {
            var (syntax, kept) = ParsedExclusions.KeepHyphenatedWords(LiteralTokens.Quoted(rest));
            var (parsed, failure) = TryParse(syntax);
            if (failure is null)
            {
                var operators = new QueryPlan
                {
                    Parsed = parsed,
                    ParsedWithoutExclusions = ParsedExclusions.Without(parsed),
                    ParsedExclusions = ParsedExclusions.Words(syntax),
                    KeptHyphens = kept,
                    Time = timeFilter,
                    PlainFallback = NaturalQueries.Tokens(rest) >= PlainWords.ClauseQueryWords ? new(() => natural.Plain(rest, timeFilter)) : null,
                    // Its words wherever they are: title:"…" is a field here, where a pasted passage's "Title:" is prose.
                    PlainReading = new(() => natural.Plain(NaturalQueries.WithoutFieldNames(rest), timeFilter)),
                };
                return new ParsedSearch(operators.Make(relaxed: false), rest, filters, read) { Plan = operators };
            }

            unread = failure;
        }

        // A field name in syntax the parser could not read (title:"复盘 with its quote open) is syntax, not a word to search.
        var plan = natural.Plain(unread is null ? rest : NaturalQueries.WithoutFieldNames(rest), timeFilter);
        return new ParsedSearch(plan.Make(relaxed: false), rest, filters, [.. read, .. Notes(unread)]) { Plan = plan };
    }

    /// <summary>The text as a query of words and syntax (field filters are not read here: see the search service).</summary>
    public ParsedQuery Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (trimmed, tooLong) = Prepared(text);
        if (trimmed.Length == 0)
        {
            return new ParsedQuery(null, Notes(tooLong));
        }

        var (query, failure) = TryParse(trimmed);
        return failure is null ? new ParsedQuery(query, Notes(tooLong)) : new ParsedQuery(Words(trimmed), [.. Notes(tooLong), failure]);
    }

    /// <summary>Prepared text through the parser: its query, or the note saying why it could not be read.</summary>
    private (Query? Query, QueryNote? Failure) TryParse(string text)
    {
        try
        {
            return (WithPositiveClause(new GuardedQueryParser(analyzer).Parse(QueryText.Prepare(text))), null);
        }
        catch (ParseException exception)
        {
            return (null, exception.InnerException switch
            {
                UnsupportedSyntaxException unsupported => unsupported.Note,
                BooleanQuery.TooManyClausesException => TooComplexNote,
                _ => QueryNote.Of(QueryNoteKind.SyntaxError),
            });
        }
    }

    /// <summary>The plain-words search: every word required, each a phrase of its tokens on every text field.</summary>
    public Query? Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var all = new BooleanQuery();
        foreach (var word in QueryText.Words(Cut(text).Text).Where(w => !Operators.Contains(w)))
        {
            if (natural.AnyField(word) is { } anyField && all.Clauses.Count < BooleanQuery.MaxClauseCount)
            {
                all.Add(anyField, Occur.MUST);
            }
        }

        return all.Clauses.Count == 0 ? null : all;
    }

    /// <summary>
    /// Restricts <paramref name="query"/> to documents one of <paramref name="principals"/> may read:
    /// a required, non-scoring clause, so hits and totals only ever come from readable documents.
    /// </summary>
    public static Query RestrictTo(Query query, IEnumerable<string> principals)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(principals);
        return ConstraintQueries.Restrict(query, ConstraintQueries.Readable(principals));
    }

    /// <summary>"-word" alone would match nothing in Lucene; the user means "everything without word".</summary>
    private static Query? WithPositiveClause(Query? query)
    {
        if (query is BooleanQuery boolean && boolean.Clauses.Count > 0 && boolean.Clauses.All(c => c.Occur == Occur.MUST_NOT))
        {
            boolean.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        return query is BooleanQuery { Clauses.Count: 0 } ? null : query;
    }

    /// <summary>
    /// The typed text as it is read: without invisible format characters (a zero-width space pasted from a web page would
    /// split or join words; the index holds none, <see cref="Analysis.TextNormalizer"/> drops them), its apostrophes inside
    /// words straight (<see cref="QueryText.StraightApostrophes"/>), trimmed, and cut.
    /// </summary>
    private static (string Text, QueryNote? TooLong) Prepared(string text) =>
        Cut(QueryText.StraightApostrophes(Analysis.TextNormalizer.WithoutIgnorables(text)).Trim());

    /// <summary>
    /// Text over <see cref="MaxQueryLength"/> cut at the last word boundary before it: a space when there is one in the
    /// last half (a filter such as <c>tag:618</c> stays whole: cut at its colon it would leave an empty <c>tag:</c>, read as
    /// a syntax error), else punctuation other than a colon (Chinese text has its commas), else between characters.
    /// </summary>
    private static (string Text, QueryNote? TooLong) Cut(string text)
    {
        if (text.Length <= MaxQueryLength)
        {
            return (text, null);
        }

        var outside = OutsideGroups(text);
        var end = LastCut(text, (c, at) => char.IsWhiteSpace(c) && outside[at])
            ?? LastCut(text, (c, _) => char.IsWhiteSpace(c))
            ?? LastCut(text, (c, _) => char.IsPunctuation(c) && c is not (':' or '：'))
            ?? (char.IsHighSurrogate(text[MaxQueryLength - 1]) ? MaxQueryLength - 1 : MaxQueryLength);
        return (text[..end].TrimEnd(), new QueryNote(QueryNoteKind.TooLong, [], MaxQueryLength));
    }

    /// <summary>
    /// The last place in (<see cref="MaxQueryLength"/>/2, <see cref="MaxQueryLength"/>] next to a character that
    /// <paramref name="breaks"/> (given the character and its index).
    /// </summary>
    private static int? LastCut(string text, Func<char, int, bool> breaks)
    {
        for (var end = MaxQueryLength; end > MaxQueryLength / 2; end--)
        {
            if (breaks(text[end], end) || breaks(text[end - 1], end - 1))
            {
                return end;
            }
        }

        return null;
    }

    /// <summary>
    /// For each index up to the limit, whether it is outside quotes and brackets: a space inside a phrase or a range
    /// (<c>updated:[2026-01-01 TO 2026-02-01]</c>) is no place to cut, the rest would not read.
    /// </summary>
    private static bool[] OutsideGroups(string text)
    {
        var outside = new bool[MaxQueryLength + 1];
        var (quoted, depth) = (false, 0);
        for (var i = 0; i <= MaxQueryLength; i++)
        {
            var c = text[i];
            var opens = !quoted && c is '[' or '{';
            outside[i] = !quoted && depth == 0 && !opens;
            (quoted, depth) = c switch
            {
                '"' or '“' or '”' or '＂' => (!quoted, depth),
                '[' or '{' when !quoted => (quoted, depth + 1),
                ']' or '}' when !quoted && depth > 0 => (quoted, depth - 1),
                _ => (quoted, depth),
            };
        }

        return outside;
    }

    private static IReadOnlyList<QueryNote> Notes(QueryNote? note) => note is null ? [] : [note];
}
