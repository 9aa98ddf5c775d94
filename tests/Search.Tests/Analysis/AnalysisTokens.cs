using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeHub.Search.Tests.Analysis;

/// <summary>A token as a chain gives it: the term and its offsets into the text analyzed.</summary>
public sealed record AnalyzedToken(string Term, int Start, int End);

public static class AnalysisTokens
{
    public static List<AnalyzedToken> Of(Analyzer analyzer, string field, string text)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var tokens = new List<AnalyzedToken>();
        while (stream.IncrementToken())
        {
            tokens.Add(new AnalyzedToken(term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }

    public static string Terms(Analyzer analyzer, string field, string text) => string.Join(' ', Of(analyzer, field, text).Select(t => t.Term));

    /// <summary>Every token as "term+increment@start-end:type", then "end@offset": what a chain gives, positions, offsets and types included.</summary>
    public static List<string> Detailed(Analyzer analyzer, string field, string text)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        return Detailed(stream);
    }

    /// <summary>As <see cref="Detailed(Analyzer, string, string)"/>, for a stream not yet reset (a tokenizer on its reader, say).</summary>
    public static List<string> Detailed(TokenStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var type = stream.AddAttribute<ITypeAttribute>();
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var tokens = new List<string>();
        while (stream.IncrementToken())
        {
            tokens.Add($"{term}+{increment.PositionIncrement}@{offset.StartOffset}-{offset.EndOffset}:{type.Type}");
        }

        stream.End();
        tokens.Add($"end@{offset.EndOffset}");
        return tokens;
    }
}
