using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace KnowledgeHub.Search;

/// <summary>
/// HTML for hits: the text HTML-encoded, matches in &lt;mark&gt; (adjacent marks merged, so a Chinese word
/// is one mark). The body snippet is the best ~160-character fragment, from the SmartCn field's term vectors
/// or, when only the bigram field matched, from a bigram analysis; without a match, the text's start.
/// </summary>
public sealed class SnippetHighlighter(SearchAnalyzer analyzer)
{
    public const int FragmentSize = 160;

    private static readonly Func<QueryScorer, IFragmenter> Fragments = scorer => new SimpleSpanFragmenter(scorer, FragmentSize);
    private static readonly Func<QueryScorer, IFragmenter> WholeText = _ => new NullFragmenter();

    public string Body(IndexReader reader, int docId, string text, Query query) =>
        BodyMatch(reader, docId, text, query) ?? Leading(text);

    /// <summary>The body fragment around the best match, or null when the body has no match.</summary>
    internal string? BodyMatch(IndexReader reader, int docId, string text, Query query)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(query);
        var fragment = Highlight(query, SearchFields.Body, text, () => TokenSources.GetAnyTokenStream(reader, docId, SearchFields.Body, analyzer), Fragments)
            ?? Highlight(query, SearchFields.BodyCjk, text, () => analyzer.GetTokenStream(SearchFields.BodyCjk, text), Fragments);
        return fragment is null ? null : SnippetText.Frame(fragment, text, FragmentSize);
    }

    /// <summary>
    /// <paramref name="text"/> of <paramref name="field"/> (with its bigram shadow <paramref name="cjkField"/>) analyzed
    /// again and highlighted: a fragment around the best match, or the whole text when <paramref name="whole"/>; null without a match.
    /// </summary>
    internal string? Match(string field, string cjkField, string text, Query query, bool whole)
    {
        var fragmenter = whole ? WholeText : Fragments;
        var fragment = Highlight(query, field, text, () => analyzer.GetTokenStream(field, text), fragmenter)
            ?? Highlight(query, cjkField, text, () => analyzer.GetTokenStream(cjkField, text), fragmenter);
        return fragment is null || whole ? fragment : SnippetText.Frame(fragment, text, FragmentSize);
    }

    public string Title(string title, Query query)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(query);
        return Highlight(query, SearchFields.Title, title, () => analyzer.GetTokenStream(SearchFields.Title, title), WholeText)
            ?? Highlight(query, SearchFields.TitleCjk, title, () => analyzer.GetTokenStream(SearchFields.TitleCjk, title), WholeText)
            ?? HtmlTextEncoder.Encode(title);
    }

    /// <summary><c>&lt;mark&gt;复&lt;/mark&gt;&lt;mark&gt;盘&lt;/mark&gt;</c> → <c>&lt;mark&gt;复盘&lt;/mark&gt;</c>.</summary>
    public static string MergeAdjacentMarks(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return html.Replace("</mark><mark>", "", StringComparison.Ordinal);
    }

    private static string? Highlight(Query query, string field, string text, Func<TokenStream> tokens, Func<QueryScorer, IFragmenter> fragmenter)
    {
        var scorer = new QueryScorer(query, field);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new HtmlTextEncoder(), scorer)
        {
            TextFragmenter = fragmenter(scorer),
        };
        try
        {
            using var stream = tokens();
            var fragment = highlighter.GetBestFragment(stream, text);
            return string.IsNullOrEmpty(fragment) || !fragment.Contains("<mark>", StringComparison.Ordinal)
                ? null
                : MergeAdjacentMarks(fragment.Trim());
        }
        catch (InvalidTokenOffsetsException)
        {
            // Term vectors that disagree with the stored text (e.g. written by an older analyzer): no highlight.
            return null;
        }
    }

    /// <summary>The encoded start of the text, for a hit without a match in it.</summary>
    internal static string Leading(string text)
    {
        if (text.Length <= FragmentSize)
        {
            return HtmlTextEncoder.Encode(text.Trim());
        }

        var end = char.IsHighSurrogate(text[FragmentSize - 1]) ? FragmentSize - 1 : FragmentSize;
        return HtmlTextEncoder.Encode(text[..end].Trim()) + "…";
    }
}
