using KnowledgeHub.Search.Analysis;
using KnowledgeHub.Search.Glossary;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeHub.Search.Querying;

/// <summary>A word (or glossary term) of a plain query; <see cref="Excluded"/> for <c>-word</c>.</summary>
internal sealed record QueryUnit(string Text, bool Excluded);

/// <summary>How plain query text was read: its units, the common words left out and the hyphens not read as exclusions.</summary>
internal sealed record PlainReading(IReadOnlyList<QueryUnit> Units, IReadOnlyList<string> Ignored, IReadOnlyList<string> KeptHyphens, bool Passage)
{
    /// <summary>Text that counts when present but is not required: a Chinese run that was split, whole, and the words as typed.</summary>
    public IReadOnlyList<string> Optional { get; init; } = [];

    /// <summary>The clauses of longer text (see <see cref="PlainWords"/>): phrases that count when present, more the longer they are.</summary>
    public IReadOnlyList<string> Clauses { get; init; } = [];

    /// <summary>
    /// Words whose parts are joined by signs (<c>GMV↑20%</c>, <c>node.js</c>, <c>ROI=3</c>), as typed, in text typed
    /// rather than copied (fewer than <see cref="PlainWords.ClauseQueryWords"/> tokens: a copied line has most words to
    /// fall back on, and its <c>IsEmpty(vOffer)</c> is no word the user joined): each is a phrase of its parts, or — read
    /// with <c>split</c> — its parts, each a word.
    /// </summary>
    public IReadOnlyList<string> Joined { get; init; } = [];

    /// <summary>
    /// Runs of Chinese of three characters or more kept whole, as a phrase (<c>复盘要点</c>, shorter than a clause): read
    /// with <c>splitRuns</c>, each is its words instead (复盘, 要点), as <see cref="Joined"/> words are their parts.
    /// </summary>
    public IReadOnlyList<string> Runs { get; init; } = [];
}

/// <summary>
/// Reads text without operators as words. <c>-word</c> is an exclusion only where it reads like one: at the start of a
/// token, followed by a letter, at least two letters long (or a Chinese word), and not inside a pasted passage
/// (more than <see cref="PassageWords"/> words) — so e-mail, 2024-06, A-B and an option list's -o stay words.
/// English stop words and Chinese question words are left out; a run of Chinese is split at glossary terms and stop
/// words, and a long leftover piece into its words, so 去年双十一复盘 needs 双十一 and 复盘, not the run as one phrase.
/// </summary>
internal sealed partial class PlainWords(SearchAnalyzer analyzer)
{
    public const int PassageWords = 12;

    /// <summary>
    /// A leftover Chinese piece this long or longer (a clause of a pasted passage, not a word or a name) is searched as its
    /// words rather than as one phrase; a shorter one stays a phrase, so a word finds exactly the documents that have it.
    /// </summary>
    private const int LongPiece = 8;

    /// <summary>A shorter piece kept whole (a word of two characters, most often) is not searched as its words when it finds nothing.</summary>
    private const int ShortestRun = 3;

    /// <summary>
    /// Reads <paramref name="text"/>. A word whose parts are joined by signs (<see cref="PlainReading.Joined"/>) is a phrase
    /// of them, or with <paramref name="split"/> its parts, each a word: what is searched when the phrase is in no document.
    /// </summary>
    public PlainReading Read(string text, TermGlossary glossary, bool split = false, bool splitRuns = false)
    {
        var unquoted = text.Replace('"', ' ');
        if (unquoted.AsSpan().IndexOfAny(Brackets) >= 0)
        {
            unquoted = BracketBesideChinese().Replace(unquoted, " ");
        }

        var tokens = QueryText.Prepare(unquoted.Contains('/', StringComparison.Ordinal) ? SlashBesideChinese().Replace(unquoted, " ") : unquoted)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var passage = tokens.Length > PassageWords;
        var units = new List<QueryUnit>();
        var ignored = new List<string>();
        var kept = new List<string>();
        var optional = new List<string>();
        var joined = new List<string>();
        var runs = new List<string>();
        // Words joined by slashes (DAU/MAU, push/SMS) are each a word; the words as typed (below) rank a document that has them so.
        var words = tokens.Any(t => t.Contains('/', StringComparison.Ordinal)) ? [.. tokens.SelectMany(Slashed)] : tokens;
        for (var i = 0; i < words.Length; i++)
        {
            var token = words[i];
            var excluded = false;
            if (token.Length > 1 && token[0] == '-')
            {
                excluded = !passage && ReadsAsExclusion(token);
                if (!excluded && char.IsLetterOrDigit(token[1]))
                {
                    kept.Add(token);
                }
            }

            var word = Clean(token);
            if (word.Length == 0)
            {
                continue;
            }

            word = Possessor(word) ?? word;

            if (!excluded && EnglishTerm(words, i, glossary) is { } term)
            {
                units.Add(new QueryUnit(term.Text, false));
                i += term.Words - 1;
                continue;
            }

            if (word.Any(QueryText.IsCjk))
            {
                var pieces = SplitCjk(word, glossary, ignored, excluded ? null : runs, splitRuns);
                units.AddRange(pieces.Select(piece => new QueryUnit(piece, excluded)));
                if (!excluded && (pieces.Count != 1 || pieces[0] != word))
                {
                    optional.Add(word);
                }
            }
            else if (!excluded && StopWords.IsEnglish(word))
            {
                ignored.Add(word);
            }
            else if (!excluded && tokens.Length < ClauseQueryWords && Parts(word, token) is { } parts)
            {
                joined.Add(token.Trim(Enclosing).TrimEnd(SentenceEnds));
                if (!split)
                {
                    units.Add(new QueryUnit(word, false));
                    continue;
                }

                foreach (var part in parts)
                {
                    if (!Meaningful(part))
                    {
                        ignored.Add(part);
                    }
                    else
                    {
                        units.Add(new QueryUnit(part, false));
                    }
                }
            }
            else
            {
                units.Add(new QueryUnit(word, excluded));
            }
        }

        if (!units.Any(u => !u.Excluded) && ignored.Count > 0)
        {
            // Only common words ("the who", 什么): search them after all.
            units.AddRange(ignored.Select(w => new QueryUnit(w, false)));
            ignored.Clear();
        }

        var distinct = units.DistinctBy(u => (TermGlossary.Key(u.Text), u.Excluded)).ToList();
        if (!passage && distinct.Count(u => !u.Excluded) + ignored.Count >= 2)
        {
            // The words as typed, in order: an exact title ("Save As", 关于数字签名) ranks first.
            optional.Add(string.Join(' ', tokens.Where(t => !(t.Length > 1 && t[0] == '-' && ReadsAsExclusion(t))).Select(Clean).Where(t => t.Length > 0)));
        }

        // Text pasted from a document: the document has its clauses word for word, where others have its words apart.
        return new PlainReading(distinct, ignored, kept, passage)
        {
            Optional = [.. optional.Distinct(StringComparer.Ordinal)],
            Clauses = tokens.Length >= ClauseQueryWords ? [.. Clauses(tokens)] : [],
            Joined = [.. joined.Distinct(StringComparer.Ordinal)],
            Runs = [.. runs.Distinct(StringComparer.Ordinal)],
        };
    }

    /// <summary>
    /// The parts of a word without Chinese that signs join (<c>GMV↑20</c> → GMV, 20; <c>node.js</c> → node, js;
    /// <c>GMV×1.2</c> → GMV, 1.2), as written: its runs of letters and digits — a decimal point or comma between digits and
    /// an apostrophe between letters join no parts (<c>3.2</c>, <c>don't</c> are one). Null for a word of fewer than two
    /// <see cref="Meaningful"/> parts (<c>Q&amp;A</c>, <c>On/Off</c>: split, the search would be for Q or Off alone), for
    /// numbers alone (<c>2026-10-01</c>, <c>138-0013-8000</c>, <c>3.2%→4.1%</c>: one date, one number, one change — its
    /// numbers apart are in any document) and for a
    /// literal token (a time, an address, a path: found as written or not at all), which <paramref name="token"/> — the
    /// word as typed, a path's leading slash with it — tells.
    /// </summary>
    private static string[]? Parts(string word, string token)
    {
        if (word.AsSpan().IndexOfAnyExcept(LettersAndDigits) < 0 || word.Any(QueryText.IsCjk) || LiteralTokens.Contain(token, Math.Max(0, token.IndexOf(word, StringComparison.Ordinal))))
        {
            return null;
        }

        var parts = PartSigns().Split(word).Where(part => part.Length > 0).ToArray();
        return parts.Count(Meaningful) >= 2 && parts.Any(part => part.Any(char.IsLetter)) ? parts : null;
    }

    /// <summary>A part searched on its own: not a stop word, not a single letter (a single digit is: <c>ROI=3</c>).</summary>
    private static bool Meaningful(string part) => !StopWords.IsEnglish(part) && !(part.Length == 1 && char.IsLetter(part[0]));

    /// <summary>Characters other than letters and digits, but for a decimal point or comma between digits and an apostrophe between letters.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:(?<!\p{N})[.,]|[.,](?!\p{N})|(?<!\p{L})['’]|['’](?!\p{L})|[^\p{L}\p{M}\p{N}.,'’])+", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PartSigns();

    /// <summary>Brackets and quotes around a word, and punctuation that ends a sentence: no part of a word as typed.</summary>
    private static readonly char[] Enclosing = [.. "()[]{}<>（）【】《》「」『』'‘’"];

    private static readonly char[] SentenceEnds = [.. ",.;:!?，。；：！？、"];

    private static readonly System.Buffers.SearchValues<char> LettersAndDigits =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    /// <summary>
    /// The runs of words between the clause punctuation of text without CJK characters (Chinese runs are phrases already),
    /// three words or more, the first and last word of the text left out — a passage copied from a page is often cut
    /// inside a word at each end. At most <see cref="MaxClauses"/>, longest first.
    /// </summary>
    private static IEnumerable<string> Clauses(string[] tokens)
    {
        var clauses = new List<string>();
        var words = new List<string>();
        for (var i = 1; i < tokens.Length - 1; i++)
        {
            var token = tokens[i];
            var word = Clean(token);
            if (word.Length > 0 && !word.Any(QueryText.IsCjk))
            {
                words.Add(word);
            }

            if (word.Length == 0 || word.Any(QueryText.IsCjk) || token[^1] is ',' or '.' or ';' or ':' or '!' or '?' or ')' or ']' || i == tokens.Length - 2)
            {
                if (words.Count >= 3)
                {
                    clauses.Add(string.Join(' ', words));
                }

                words.Clear();
            }
        }

        return clauses.OrderByDescending(c => c.Length).Take(MaxClauses);
    }

    /// <summary>
    /// Text of this many tokens or more is likely copied rather than typed: it is searched with its clauses as phrases
    /// besides its words (see <see cref="Clauses"/>), and as plain words when its quotes or signs, read as syntax, find nothing.
    /// </summary>
    public const int ClauseQueryWords = 6;

    private const int MaxClauses = 6;

    /// <summary><c>-draft</c>, <c>-复盘</c>: a hyphen, then a letter, and two letters at least (or a Chinese character).</summary>
    internal static bool ReadsAsExclusion(string token) =>
        token.Length >= 2 && token[0] == '-' && char.IsLetter(token[1]) && (token.Length >= 3 || QueryText.IsCjk(token[1]));

    private static string Clean(string token) =>
        token.Trim().TrimStart('-', '+').Trim(Punctuation);

    private static readonly char[] Punctuation =
        [.. "!?.,;:()[]{}<>'`~^\\/|@#$%&*=+-_，。！？；：、（）【】《》「」『』…·".ToCharArray()];

    /// <summary>The longest glossary term of two or more English words starting at token <paramref name="start"/>.</summary>
    private static (string Text, int Words)? EnglishTerm(string[] tokens, int start, TermGlossary glossary)
    {
        for (var n = Math.Min(glossary.LongestTermWords, tokens.Length - start); n >= 1; n--)
        {
            var words = tokens.Skip(start).Take(n).Select(Clean).ToArray();
            if (words.Any(w => w.Length == 0 || w.Any(QueryText.IsCjk)))
            {
                continue;
            }

            var candidate = string.Join(' ', words);
            if (glossary.Contains(candidate) || (n > 1 && glossary.Contains(Singular(candidate))))
            {
                return (candidate, n);
            }
        }

        return null;
    }

    /// <summary>
    /// The words of a token joined by slashes, or the token: two characters or more each, letters and digits with a letter
    /// in them (<c>B2B/B2C</c>, <c>Q3/Q4</c>), none a stop word — <c>On/Off</c>, <c>and/or</c>, <c>A/B</c> and <c>1/7</c>
    /// are terms of their own.
    /// </summary>
    private static string[] Slashed(string token) =>
        SlashedWords().IsMatch(token) && token.Split('/') is var parts && !parts.Any(StopWords.IsEnglish) ? parts : [token];

    /// <summary>
    /// A slash between two words of which one has Chinese in it (<c>618/双11</c>, <c>直播/短视频</c>): the words are each a
    /// word, as Latin words joined by a slash are (<see cref="Slashed"/>).
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs}[\p{L}\p{N}]*)/(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])/(?=[\p{L}\p{N}]*\p{IsCJKUnifiedIdeographs})", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SlashBesideChinese();

    /// <summary>
    /// A bracket beside a Chinese character (<c>新增用户（累计）</c>, <c>复盘(草稿)</c>, <c>复盘&lt;草稿&gt;</c>, a pasted table's heading): punctuation
    /// between two words, as a Chinese comma is — not part of a word whose phrase would need the bracket's gap just there.
    /// Beside Latin letters a bracket still joins a word's parts (<c>retention(Q3)</c>).
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})[()\[\]{}<>（）［］｛｝＜＞]|[()\[\]{}<>（）［］｛｝＜＞](?=\p{IsCJKUnifiedIdeographs})", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex BracketBesideChinese();

    private static readonly System.Buffers.SearchValues<char> Brackets = System.Buffers.SearchValues.Create("()[]{}<>（）［］｛｝＜＞");

    /// <summary>Words of two characters or more, letters and digits with a letter, joined by slashes: <c>DAU/MAU</c>, <c>iOS/Android</c>, <c>B2B/B2C</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{2,}(?:/(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{2,})+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SlashedWords();

    /// <summary>
    /// The owner of an English possessive, its <c>'s</c> left out (<c>team's</c> → team, <c>PinPinLe's</c> → PinPinLe): the
    /// campaign's budget is about the campaign, in documents that say "the campaign" as in those that say "the campaign's"
    /// (the index has a possessive as the word, a gap and "s"), as English analyzers read it. Null for any other word,
    /// and for an <c>'s</c> that is a verb or "us" (<c>it's</c>, <c>that's</c>, <c>let's</c>: common words, see
    /// <see cref="StopWords.IsEnglish"/>). The apostrophe is straight here: the typed text's are (<see cref="QueryText.StraightApostrophes"/>).
    /// </summary>
    internal static string? Possessor(string word)
    {
        if (word.Length < 4 || word[^2] != '\'' || word[^1] is not ('s' or 'S') || StopWords.IsEnglish(word))
        {
            return null;
        }

        var owner = word[..^2];
        return owner.All(char.IsLetterOrDigit) && owner.Any(char.IsLetter) && !owner.Any(QueryText.IsCjk) ? owner : null;
    }

    /// <summary>A plural's singular for glossary lookup: retrospectives → retrospective.</summary>
    internal static string Singular(string word) =>
        word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.OrdinalIgnoreCase) ? word[..^1] : word;

    /// <summary>
    /// A run of Chinese as the pieces searched: glossary terms, stop words left out (into <paramref name="ignored"/>), and
    /// what is between them — whole when shorter than <see cref="LongPiece"/>, its words when longer. A whole piece of
    /// <see cref="ShortestRun"/> characters or more goes into <paramref name="runs"/> (when given); with
    /// <paramref name="split"/> it is its words too.
    /// </summary>
    private List<string> SplitCjk(string run, TermGlossary glossary, List<string> ignored, List<string>? runs, bool split)
    {
        var pieces = new List<string>();
        var pending = new System.Text.StringBuilder();
        var folded = CjkFolding.Fold(run);
        var i = 0;
        while (i < run.Length)
        {
            var stop = Cut(run, folded, i, StopWords.Chinese) ?? (Cut(run, folded, i, StopWords.ChineseFinal) is { } final && i + final.Length == run.Length ? final : null);
            if (Cut(run, folded, i, glossary.CjkTerms) is { } term)
            {
                Flush();
                pieces.Add(term);
                i += term.Length;
            }
            else if (stop is not null)
            {
                Flush();
                ignored.Add(stop);
                i += stop.Length;
            }
            else
            {
                pending.Append(run[i]);
                i++;
            }
        }

        Flush();
        return pieces;

        void Flush()
        {
            if (pending.Length == 0)
            {
                return;
            }

            var piece = pending.ToString();
            pending.Clear();
            var chinese = piece.All(QueryText.IsCjk);
            if (runs is not null && chinese && piece.Length is >= ShortestRun and < LongPiece)
            {
                runs.Add(piece);
            }

            pieces.AddRange(chinese && (piece.Length >= LongPiece || (split && runs is not null && piece.Length >= ShortestRun)) ? Words(piece) : [piece]);
        }
    }

    /// <summary>
    /// The first of <paramref name="words"/> (glossary terms or stop words, written simplified) that <paramref name="run"/>
    /// has at <paramref name="at"/>, compared in its <paramref name="folded"/> form (<see cref="CjkFolding.Fold"/>, one
    /// character to one): returned as the run writes it, so 會員日 is the glossary's 会员日 and 怎麼 a stop word, named as typed.
    /// </summary>
    private static string? Cut(string run, string folded, int at, IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            if (at + word.Length <= run.Length && string.CompareOrdinal(folded, at, word, 0, word.Length) == 0)
            {
                return run.Substring(at, word.Length);
            }
        }

        return null;
    }

    /// <summary>A Chinese piece as SmartCn's words, single characters next to each other kept together (复 盘 → 复盘).</summary>
    private List<string> Words(string piece)
    {
        var words = new List<string>();
        using var stream = analyzer.GetTokenStream(SearchFields.Title, piece);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var single = new System.Text.StringBuilder();
        while (stream.IncrementToken())
        {
            var text = term.ToString();
            if (text.Length == 1)
            {
                single.Append(text);
                continue;
            }

            if (single.Length > 0)
            {
                words.Add(single.ToString());
                single.Clear();
            }

            words.Add(text);
        }

        stream.End();
        if (single.Length > 0)
        {
            words.Add(single.ToString());
        }

        return words.Count == 0 ? [piece] : words;
    }
}
