using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeHub.Search;

/// <summary>
/// The places in a text where a query matches, as the tokens of one analysis of it: found (<see cref="Find"/>),
/// merged when they touch, and written as HTML with &lt;mark&gt; (<see cref="Html"/>).
/// </summary>
internal static class TextMarks
{
    /// <summary>The matched tokens of text[start..end] (offsets into the whole text), adjacent and overlapping ones merged.</summary>
    public static List<TextMark> Find(Analyzer analyzer, string field, string text, int start, int end, FieldTerms wanted)
    {
        var tokens = new List<TextMark>();
        var matched = new List<TextMark>();
        using (var stream = analyzer.GetTokenStream(field, start == 0 && end == text.Length ? text : text[start..end]))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += increment.PositionIncrement;
                var id = wanted.Id(term.Buffer.AsSpan(0, term.Length), out var match);
                if (id < 0 && !match)
                {
                    continue;
                }

                var mark = new TextMark(start + offset.StartOffset, start + offset.EndOffset, id, position);
                tokens.Add(mark);
                if (match)
                {
                    matched.Add(mark);
                }
            }

            stream.End();
        }

        AddPhrases(tokens, matched, wanted);
        return Merge(matched);
    }

    /// <summary>Every token of each occurrence of a phrase: its terms at the phrase's relative positions.</summary>
    private static void AddPhrases(List<TextMark> tokens, List<TextMark> matched, FieldTerms wanted)
    {
        if (wanted.Phrases.Count == 0 || tokens.Count == 0)
        {
            return;
        }

        var at = new Dictionary<int, TextMark>();
        foreach (var token in tokens)
        {
            at.TryAdd(token.Position, token);
        }

        for (var p = 0; p < wanted.Phrases.Count; p++)
        {
            var (ids, positions) = (wanted.PhraseIds[p], wanted.Phrases[p].Positions);
            foreach (var first in tokens.Where(t => t.Term == ids[0]))
            {
                var all = true;
                for (var i = 1; i < ids.Length && all; i++)
                {
                    all = at.TryGetValue(first.Position + positions[i] - positions[0], out var next) && next.Term == ids[i];
                }

                for (var i = 0; all && i < ids.Length; i++)
                {
                    matched.Add(at[first.Position + positions[i] - positions[0]]);
                }
            }
        }
    }

    public static List<TextMark> Merge(List<TextMark> marks)
    {
        marks.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        var merged = new List<TextMark>(marks.Count);
        foreach (var mark in marks)
        {
            if (merged.Count > 0 && mark.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = last with { End = Math.Max(last.End, mark.End) };
            }
            else
            {
                merged.Add(mark);
            }
        }

        return merged;
    }

    /// <summary>text[start..end] HTML-encoded, with the marks inside it in &lt;mark&gt;.</summary>
    public static string Html(string text, int start, int end, List<TextMark> marks)
    {
        var builder = new StringBuilder(end - start + 32);
        var at = start;
        foreach (var mark in marks)
        {
            if (mark.End <= start || mark.Start >= end)
            {
                continue;
            }

            var (from, to) = (Math.Max(mark.Start, at), Math.Min(mark.End, end));
            Append(builder, text, at, from);
            builder.Append("<mark>");
            Append(builder, text, from, to);
            builder.Append("</mark>");
            at = to;
        }

        Append(builder, text, at, end);
        return builder.ToString().Trim();
    }

    private static void Append(StringBuilder builder, string text, int from, int to)
    {
        if (to > from)
        {
            builder.Append(HtmlTextEncoder.Encode(text[from..to]));
        }
    }
}

/// <summary>A matched token's place in the whole text, its term id (<see cref="FieldTerms.Id"/>) and position.</summary>
internal readonly record struct TextMark(int Start, int End, int Term, int Position);
