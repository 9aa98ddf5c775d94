using System.Text.RegularExpressions;
using KnowledgeHub.Documents;
using KnowledgeHub.Search.Glossary;
using Lucene.Net.Search;
using LuceneQueryBuilder = Lucene.Net.Util.QueryBuilder;

namespace KnowledgeHub.Search.Querying;

/// <summary>
/// Reads the words part of a search (typed filters already taken out) into a <see cref="QueryPlan"/>: a time
/// expression becomes a filter (<see cref="TimeWords"/>, in the caller's zone); text with operators (quotes, AND/OR/NOT,
/// +word, prefix*, title:) goes to the query parser as before; plain text becomes one query per word
/// (<see cref="PlainWords"/>), each widened with its glossary synonyms, which score less than the word itself.
/// </summary>
internal sealed partial class NaturalQueries(SearchAnalyzer analyzer, GlossaryState? glossary, ISearchTimeZone zone, TimeProvider time)
{
    /// <summary>A synonym's match counts this much of the word's own: hits found only through the glossary rank lower.</summary>
    public const float SynonymBoost = 0.3f;

    private readonly PlainWords plainWords = new(analyzer);

    public TermGlossary Glossary => glossary?.Current ?? TermGlossary.Empty;

    /// <summary>
    /// The time expression of <paramref name="text"/> (outside quotes) and the text without it. A pasted passage has none:
    /// its "last year" or 去年 is prose, and as a filter it would leave out the very document the passage came from
    /// whenever that is from another time (most words always find something, so the filter was never dropped).
    /// </summary>
    public (string Remainder, AppliedTimeFilter? Time) ReadTime(string text, Caller? caller)
    {
        if (IsPassage(text))
        {
            return (text, null);
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone.For(caller)).DateTime);
        var (rest, range) = TimeWords.Extract(text, today);
        if (range is null)
        {
            return (text, null);
        }

        var at = text.IndexOf(range.Phrase, StringComparison.Ordinal);
        var asWords = at < 0 ? text : text[..at] + "\"" + range.Phrase + "\"" + text[(at + range.Phrase.Length)..];
        if (at > 0 && DateNameBefore().Match(text[..at]) is { Success: true } name)
        {
            // "After: last week", "updated: 本月": the date filter's name is the time word's, not a filter left empty.
            var joined = text[..name.Index] + " " + text[(at + range.Phrase.Length)..];
            rest = string.Join(' ', joined.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        return (rest, new AppliedTimeFilter(range.Phrase, range.From, range.To, rest, asWords));
    }

    /// <summary>
    /// <paramref name="text"/> with the colon of a word ending in one that names no field or filter (<c>Weekly report:
    /// Editing Pivot Tables</c>, <c>Note: the plan</c>, a pasted title's) read as the punctuation it is: a blank; so is a
    /// half-width colon with Chinese on either side (<c>复盘:直播</c>, typed as <c>复盘：直播</c> is), as no field has a
    /// Chinese name (a filter's is read before). Field syntax keeps its colon: <c>title: plan</c>, <c>title:复盘</c>,
    /// <c>tag: 618</c>, and a value right after the colon (<c>titel:plan</c> is a typo the parser names). A colon right
    /// after a quotation mark is punctuation too (<c>"gmv": 100</c>, pasted JSON): no field name is quoted.
    /// </summary>
    public static string WithProseColons(string text)
    {
        if (!text.Contains(':', StringComparison.Ordinal))
        {
            return text;
        }

        text = text.Replace("\":", "\" ", StringComparison.Ordinal).Replace("”:", "” ", StringComparison.Ordinal);
        return ProseColon().Replace(text, match => MaySyntax(match) ? match.Value : match.Groups["name"].Value + " ");
    }

    /// <summary>
    /// A field's name before the colon, or no Chinese on either side of it and something after it (<c>titel:plan</c>, a
    /// typo the parser names; <c>10:30</c>, which <see cref="LiteralTokens"/> reads) — but for <c>due:</c>, an action
    /// item's date as its source writes it (<c>@alice due:2026-06-10</c>, copied from a document): its words.
    /// </summary>
    private static bool MaySyntax(Match colon)
    {
        var (name, next) = (colon.Groups["name"].Value, colon.Groups["next"].Value);
        return FieldNames.Contains(name)
            || (next.Length > 0 && !name.Any(QueryText.IsCjk) && !QueryText.IsCjk(next[0]) && !name.Equals(ActionItemDue, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The name of an action item's date in a document's source (<see cref="MarkdownStructure"/>).</summary>
    private const string ActionItemDue = "due";

    /// <summary>
    /// <paramref name="text"/> without marks that are no syntax: those of Markdown pasted from a source or a chat —
    /// emphasis (<c>**加粗**</c>, <c>**very important**</c>, <c>*word*</c>; a run of two asterisks or more is never a
    /// prefix), strikethrough (<c>~~删除线~~</c>; <c>gamma~~</c> alone stays fuzzy syntax), an asterisk between Chinese and
    /// a word or number (<c>客单价*1.2</c>: a product, no wildcard; <c>复盘*</c> stays a prefix), lone asterisks
    /// (<c>* * *</c>), rules and heading marks (<c>---</c>, <c>###</c>) — a slash standing alone between words
    /// (<c>Numbers / Format</c>, no regular expression), a tilde joining a range (<c>Q1~Q2</c>, <c>7~9月</c>, no fuzzy
    /// search), a question mark or backslash standing alone (<c>what is GMV ?</c>: no wildcard), a sign standing alone
    /// (<c>复盘 +</c>, <c>--</c>), brackets and braces where the text holds no range (<c>"Round" 函数 [VBA]</c>,
    /// <c>{draft}</c>), and an operator left dangling at either end (<c>复盘 AND</c>, <c>OR 复盘</c>, <c>title:复盘 OR</c>:
    /// the rest is read as typed, not as a syntax error's words; <c>NOT 草稿</c> at the start stays an exclusion).
    /// A prefix's one trailing asterisk (<c>regist*</c>) and a leading one (<c>*mpaign</c>, refused with its note) stay.
    /// </summary>
    public static string WithoutStrayMarks(string text)
    {
        if (text.AsSpan().IndexOfAny(StrayMarkCharacters) >= 0)
        {
            text = StrayMarks().Replace(text, match => match.Groups["word"].Success ? match.Groups["word"].Value : " ");
        }

        if (text.AsSpan().IndexOfAny(BracketCharacters) >= 0 && !RangeSyntax().IsMatch(text))
        {
            text = Brackets().Replace(text, " ");
        }

        return DanglingOperators().IsMatch(text) ? DanglingOperators().Replace(text, " ").Trim() : text;
    }

    private static readonly System.Buffers.SearchValues<char> StrayMarkCharacters = System.Buffers.SearchValues.Create("*-#=_/~～?\\+");

    /// <summary>
    /// <paramref name="text"/> without a field's name and colon at its end, nothing after them but a quote (<c>title:</c>,
    /// <c>运营 body:"</c>: typed, not yet filled in), and the note saying it was ignored — as a filter's name at the end is
    /// (<c>运营 tag:</c>), where it had been a syntax error that searched the word "title".
    /// </summary>
    public static (string Text, QueryNote? Empty) WithoutEmptyField(string text)
    {
        if (text.AsSpan().IndexOfAny(':', '：') < 0 || EmptyField().Match(text) is not { Success: true } field)
        {
            return (text, null);
        }

        return (text[..field.Index].TrimEnd(), QueryNote.Of(QueryNoteKind.EmptyFilter, field.Groups["name"].Value + ":"));
    }

    private static readonly System.Buffers.SearchValues<char> BracketCharacters = System.Buffers.SearchValues.Create("[]{}");

    /// <summary>The names a colon after a word may be syntax for: the parser's fields and the filters'.</summary>
    private static readonly HashSet<string> FieldNames = new(
        [SearchFields.Title, SearchFields.Body, .. SearchDimension.Names, .. FilterSyntax.DateNames],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Chinese characters in a query at which it is a passage, not a question: a typed one is a few words (上个月直播复盘的行动项有哪些
    /// is 14); a sentence pasted from a document is longer.
    /// </summary>
    public const int PassageCjkCharacters = 30;

    /// <summary>Text pasted rather than typed: more than <see cref="PlainWords.PassageWords"/> tokens, or <see cref="PassageCjkCharacters"/> Chinese characters.</summary>
    public static bool IsPassage(string text) => IsPassage(text, Tokens(text));

    private static bool IsPassage(string text, int tokens) =>
        tokens > PlainWords.PassageWords || text.Count(QueryText.IsCjk) >= PassageCjkCharacters;

    /// <summary>How many blank-separated tokens the text has once prepared (CJK punctuation a blank, CJK runs set apart).</summary>
    public static int Tokens(string text) => QueryText.Prepare(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>True when the text uses the parser's syntax; a pasted passage never does (its quotes and signs are words).</summary>
    public static bool HasOperators(string text)
    {
        // An address, a path or a time is words (see LiteralTokens), whatever signs it holds.
        text = LiteralTokens.Blanked(text);
        var tokens = QueryText.Prepare(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (IsPassage(text, tokens.Length))
        {
            return false;
        }

        return text.IndexOfAny(['"', '“', '”', '＂', '*', '~', '^', '\\']) >= 0
            || RangeSyntax().IsMatch(text)
            || text.Count(c => c is '(' or '（') != text.Count(c => c is ')' or '）')
            || tokens.Any(t => t is "AND" or "OR" or "NOT" or "&&" or "||" or "!" || t.StartsWith('/')
                || FieldSyntax().IsMatch(t) || WildcardInside().IsMatch(t) || (t.StartsWith('-') && t.Length > 1 && !PlainWords.ReadsAsExclusion(t) && t[1] is '-' or '('));
    }

    /// <summary>
    /// Plain words as a plan: every word required (with its synonyms), <c>-word</c> excluded. A word whose parts signs
    /// join (<c>GMV↑20%</c>) is a phrase of them; <see cref="QueryPlan.Parts"/> reads the text again with its parts as
    /// words (<paramref name="split"/>).
    /// </summary>
    public QueryPlan Plain(string text, AppliedTimeFilter? timeFilter, bool split = false, bool splitRuns = false)
    {
        var current = Glossary;
        var reading = plainWords.Read(text, current, split, splitRuns);
        var words = new List<Lucene.Net.Search.Query>();
        var texts = new List<string>();
        var exclusions = new List<(string, Lucene.Net.Search.Query)>();
        var expansions = new List<GlossaryExpansion>();
        var cut = CutCharacter(text, reading.Units);
        foreach (var unit in reading.Units)
        {
            if (WithJoinedForm(unit.Text, AnyField(unit.Text)) is not { } asWord)
            {
                continue;
            }

            var direct = ReferenceEquals(unit, cut) ? WithWordsStartingWith(unit.Text, asWord) : asWord;

            if (unit.Excluded)
            {
                exclusions.Add((unit.Text, direct));
                continue;
            }

            var synonyms = current.SynonymsOf(unit.Text) is { Count: > 0 } found ? found : current.SynonymsOf(PlainWords.Singular(unit.Text));
            var expanded = synonyms.Select(s => (Via: s, Query: AnyField(s))).Where(s => s.Query is not null).Select(s => (s.Via, s.Query!)).ToList();
            texts.Add(unit.Text);
            if (expanded.Count == 0)
            {
                words.Add(direct);
                continue;
            }

            var either = new BooleanQuery(disableCoord: true) { { direct, Occur.SHOULD } };
            foreach (var (via, query) in expanded)
            {
                var weaker = (Lucene.Net.Search.Query)query.Clone();
                weaker.Boost *= SynonymBoost;
                either.Add(weaker, Occur.SHOULD);
            }

            words.Add(either);
            expansions.Add(new GlossaryExpansion(unit.Text, direct, expanded));
        }

        var plan = new QueryPlan
        {
            Words = words.Take(BooleanQuery.MaxClauseCount / 2).ToList(),
            // Built when asked (only the check that a page holds only glossaries asks): two more analyses of every word otherwise.
            InTitle = new Lazy<IReadOnlyList<Lucene.Net.Search.Query>>(() =>
                texts.Take(BooleanQuery.MaxClauseCount / 2).Select(InTitle).ToList() is var titles && titles.All(t => t is not null) ? [.. titles.OfType<Lucene.Net.Search.Query>()] : []),
            WordTexts = texts,
            Exclusions = exclusions,
            Ignored = reading.Ignored,
            Optional = [.. reading.Optional.Select(AnyField).OfType<Lucene.Net.Search.Query>().Take(16), .. reading.Clauses.Select(Clause).OfType<Lucene.Net.Search.Query>()],
            KeptHyphens = reading.KeptHyphens,
            Expansions = expansions,
            Time = timeFilter,
            Joined = reading.Joined,
            Runs = reading.Runs,
            Parts = split || splitRuns || reading.Joined.Count == 0 ? null : new Lazy<QueryPlan>(() => Plain(text, timeFilter, split: true)),
            RunWords = split || splitRuns || reading.Runs.Count == 0 ? null : new Lazy<QueryPlan>(() => Plain(text, timeFilter, splitRuns: true) with { EveryWord = words.Count >= 2 }),
        };

        // Parsed when asked: only a search whose every word found nothing asks.
        return split || splitRuns || words.Count == 0 || words.Count != texts.Count || !CutWord().IsMatch(texts[^1])
            || !text.TrimEnd().EndsWith(texts[^1], StringComparison.Ordinal)
            ? plan
            : plan with
            {
                LastWordPrefix = new Lazy<QueryPlan>(() => plan with { Words = [.. words.Take(words.Count - 1), StartOf(texts[^1]) ?? words[^1]], Parts = null, RunWords = null }),
            };
    }

    /// <summary>
    /// The last word of <paramref name="text"/> when it is one Chinese character at the very end of a run of Chinese — a
    /// text cut mid-word (<c>插入图片的方</c> from 插入图片的方法, <c>双十一后的第</c> from 第一个): documents have that
    /// character inside a word (方法, 第一), which the segmenter keeps whole, so alone it finds only the few that have it
    /// on its own. Null otherwise: a character typed apart (<c>复盘 表</c>), a run that ends in punctuation, a query of one character.
    /// </summary>
    private static QueryUnit? CutCharacter(string text, IReadOnlyList<QueryUnit> units)
    {
        var end = text.TrimEnd();
        if (units.Count < 2 || units[^1] is not { Excluded: false } last || last.Text.Length != 1 || !QueryText.IsCjk(last.Text[0])
            || end.Length < 2 || end[^1] != last.Text[0] || !QueryText.IsCjk(end[^2]))
        {
            return null;
        }

        return last;
    }

    /// <summary>
    /// <paramref name="direct"/> (the character as a word), or any word starting with <paramref name="character"/> on the
    /// segmented fields, the better of the two counting: a document with the character alone scores as before, one with it
    /// only inside a word (方法 for 方) matches with a small constant score (<see cref="CutWordBoost"/>), below the words typed whole.
    /// </summary>
    private static DisjunctionMaxQuery WithWordsStartingWith(string character, Lucene.Net.Search.Query direct)
    {
        var folded = Analysis.TextNormalizer.Normalize(character);
        var starting = new BooleanQuery(disableCoord: true);
        foreach (var field in (string[])[SearchFields.Title, SearchFields.Body, SearchFields.TagsText, SearchFields.AttachmentText])
        {
            starting.Add(new PrefixQuery(new Lucene.Net.Index.Term(field, folded)), Occur.SHOULD);
        }

        return new DisjunctionMaxQuery(0f) { direct, new ConstantScoreQuery(starting) { Boost = CutWordBoost } };
    }

    /// <summary>The score of a match of a cut character inside a word: less than a typical word's, so whole words rank first.</summary>
    private const float CutWordBoost = 0.1f;

    /// <summary>A word that may be cut mid-word: three letters or more, digits after them (<c>ConvertF</c>, <c>utf8enc</c>).</summary>
    [GeneratedRegex(@"^[A-Za-z]{3,}[A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CutWord();

    /// <summary><paramref name="word"/> as the start of a word on every word field, as <c>word*</c> typed reads.</summary>
    private Lucene.Net.Search.Query? StartOf(string word)
    {
        try
        {
            return new GuardedQueryParser(analyzer).Parse(word + "*");
        }
        catch (Exception problem) when (problem is UnsupportedSyntaxException or Lucene.Net.QueryParsers.Classic.ParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// A word of letters joined by hyphens (<c>e-mail</c>, <c>co-op</c>, <c>check-in</c>) also matches its letters written
    /// together (<c>email</c>): a document spelling it either way has the word. Four letters at least (<c>A-B</c> stays
    /// itself). Any other word: <paramref name="direct"/>.
    /// </summary>
    private Lucene.Net.Search.Query? WithJoinedForm(string word, Lucene.Net.Search.Query? direct)
    {
        if (direct is null || !HyphenatedLetters().IsMatch(word) || word.Length - word.Count(c => c == '-') < 4 || AnyField(word.Replace("-", "", StringComparison.Ordinal)) is not { } joined)
        {
            return direct;
        }

        return new BooleanQuery(disableCoord: true) { { direct, Occur.SHOULD }, { joined, Occur.SHOULD } };
    }

    /// <summary>One word on every text field: a phrase of its tokens, so a Chinese word never matches loose characters.</summary>
    public Lucene.Net.Search.Query? AnyField(string word) => OnFields(word, SearchQueryBuilder.WordFieldsFor(word));

    /// <summary>A clause of longer text (<see cref="PlainReading.Clauses"/>) as a phrase on every field, counting more the more words it has.</summary>
    private BooleanQuery? Clause(string clause)
    {
        if (AnyField(clause) is not BooleanQuery query)
        {
            return null;
        }

        // Boosted by its length: of 100 pasted 60-, 90- and 150-character fragments of the 20k store each, the fragment's
        // document (or one with the same text) was on the first page for 61 / 73 / 65 without clauses (title matches of
        // single words outranked a body that has the fragment verbatim), 69 / 84 / 93 with a boost of 1, 82 / 87 / 96 with
        // half the number of words, 84 / 88 / 96 with the number of words, 83 / 89 / 96 with its square / 4.
        query.Boost = clause.Count(c => c == ' ') + 1;
        return query;
    }

    /// <summary>One word in a title (<see cref="AnyField"/> on the title fields only); null when the word has no tokens there.</summary>
    private BooleanQuery? InTitle(string word) =>
        OnFields(word, [.. SearchQueryBuilder.WordFieldsFor(word).Where(f => f.Field is SearchFields.Title or SearchFields.TitleCjk)]);

    /// <summary>
    /// The word's phrase on each of <paramref name="fields"/>. The word is analysed once per analysis chain, not once per
    /// field: the SmartCn fields share one chain and the bigram shadows another (<see cref="SearchAnalyzer.ChainOf"/>), so
    /// a Chinese word segmented for the title is the same phrase in the body, tags and attachments.
    /// </summary>
    private BooleanQuery? OnFields(string word, IReadOnlyList<(string Field, float Boost)> fields)
    {
        var builder = new LuceneQueryBuilder(analyzer);
        var anyField = new BooleanQuery(disableCoord: true);
        var built = new List<(Lucene.Net.Analysis.Analyzer Chain, Lucene.Net.Search.Query? Query)>(2);
        foreach (var (field, boost) in fields)
        {
            var chain = analyzer.ChainOf(field);
            var index = built.FindIndex(b => ReferenceEquals(b.Chain, chain));
            Lucene.Net.Search.Query? query;
            if (index < 0)
            {
                query = builder.CreatePhraseQuery(field, word);
                built.Add((chain, query));
            }
            else
            {
                query = built[index].Query is { } same ? FieldQueries.OnField(same, field) ?? builder.CreatePhraseQuery(field, word) : null;
            }

            if (query is not null)
            {
                query.Boost = boost;
                anyField.Add(query, Occur.SHOULD);
            }
        }

        return anyField.Clauses.Count == 0 ? null : anyField;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}_.]+[:：](?:\S|$)", RegexOptions.CultureInvariant)]
    private static partial Regex FieldSyntax();

    /// <summary>The text without the parser's field names (<c>title:</c>, <c>body:</c>): its words, wherever they are.</summary>
    public static string WithoutFieldNames(string text) =>
        text.Contains(':', StringComparison.Ordinal) ? ParserFieldName().Replace(text, " ") : text;

    [GeneratedRegex(@"(?<![\p{L}\p{N}_.])(?:title|body):", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ParserFieldName();

    /// <summary>A word and its colon, then a blank, the end, or any character but a slash or backslash (<c>next</c>, not taken).</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}_.])(?<name>[\p{L}\p{N}_.]+):(?=\s|$|(?<next>[^\s/\\]))", RegexOptions.CultureInvariant)]
    private static partial Regex ProseColon();

    /// <summary>
    /// Question marks, backslashes, plus signs or one or two hyphens standing alone; text between two tildes on each side
    /// (strikethrough: <c>word</c>); two asterisks or more; an asterisk between Chinese and a letter or digit; a tilde between a word and a word or between numbers (<c>Q1~Q2</c>, <c>7~9月</c>: a
    /// range in prose, where <c>roam~2</c> stays fuzzy syntax); an asterisk, a slash or a rule standing alone; one asterisk
    /// on each side of a word (<c>word</c>).
    /// </summary>
    [GeneratedRegex(@"(?<!\S)(?:\?+|\\+|\++|-{1,2})(?!\S)|(?<![\p{L}\p{N}~～])~~(?<word>[^~～\s](?:[^~～]*[^~～\s])?)~~(?![\p{L}\p{N}~～])|\*{2,}|(?<=\p{IsCJKUnifiedIdeographs})\*(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])\*(?=\p{IsCJKUnifiedIdeographs})|(?<=[\p{L}\p{N}])[~～](?=\p{L})|(?<=\p{N})[~～](?=\p{N})|(?<!\S)(?:\*|/|[-=#_]{3,}|#{1,6})(?!\S)|(?<![\p{L}\p{N}*])\*(?<word>[\p{L}\p{N}][^*\s]*)\*(?![\p{L}\p{N}*])", RegexOptions.CultureInvariant)]
    private static partial Regex StrayMarks();

    /// <summary>A field's name and colon (signed or not) at the end of the text, nothing but a quote after them.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}_.])(?:-|\+)?(?<name>title|body)[:：]\s*[""“”]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EmptyField();

    /// <summary>A bracket or brace, where no range is.</summary>
    [GeneratedRegex(@"[\[\]{}]", RegexOptions.CultureInvariant)]
    private static partial Regex Brackets();

    /// <summary>AND, OR, <c>&amp;&amp;</c> or <c>||</c> at the start, or any operator at the end, with something else in the text.</summary>
    [GeneratedRegex(@"^\s*(?:(?:AND|OR|&&|\|\|)\s+)+(?=\S)|(?<=\S)(?:\s+(?:AND|OR|NOT|&&|\|\||!))+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DanglingOperators();

    /// <summary>A date filter's name and its colon just before a time word: <c>After: </c>, <c>-updated：</c>.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}_])(?:-|NOT\s+)?(?:after|before|updated)[:：]\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateNameBefore();

    [GeneratedRegex(@"^[A-Za-z]+(?:-[A-Za-z]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex HyphenatedLetters();

    [GeneratedRegex(@"\?[\p{L}\p{N}]", RegexOptions.CultureInvariant)]
    private static partial Regex WildcardInside();

    /// <summary>A range, whole or begun (<c>[a TO b]</c>, <c>{2024 TO</c>): brackets around other text (<c>Round 函数 [VBA]</c>, a pasted title's) are punctuation.</summary>
    [GeneratedRegex(@"[\[{][^\]}]*\sTO(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex RangeSyntax();
}
