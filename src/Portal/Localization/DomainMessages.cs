using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Resources;
using Microsoft.Extensions.Localization;

namespace KnowledgeHub.Portal.Localization;

/// <summary>
/// The sentences the documents library writes (refusals of workflow steps and uploads, conformance problems, title
/// rules, Markdown caps) in the UI language. Each is a code in MessageText.resx / MessageText.en.resx: the English
/// value is the library's sentence with <c>{0}</c>, <c>{1}</c> for its arguments, so a sentence is recognised by its
/// English form, its arguments taken out, and written again in the request's language. Arguments that are words
/// ("a draft", "a PDF document") have codes of their own (<c>Arg.…</c>); bilingual names ("项目 Project") are cut to
/// the UI language. A sentence no code matches is shown as it is.
/// </summary>
public sealed class DomainMessages(IStringLocalizer<MessageText> text)
{
    private const string ArgPrefix = "Arg.";

    private static readonly Lazy<IReadOnlyList<(string Key, Regex Pattern)>> Patterns = new(Build);

    /// <summary>
    /// A guard against a pathological sentence (the arguments are lazy groups), wall-clock time: a loaded machine's
    /// scheduling pauses count too, so it is a second rather than the 200 ms a match of these lengths never needs.
    /// </summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary><paramref name="sentence"/> in the UI language; empty for null.</summary>
    public string Localize(string? sentence)
    {
        if (string.IsNullOrEmpty(sentence))
        {
            return "";
        }

        foreach (var (key, pattern) in Patterns.Value)
        {
            if (Matched(pattern, sentence) is not { Success: true } match)
            {
                continue;
            }

            var args = new object[match.Groups.Count - 1];
            for (var i = 0; i < args.Length; i++)
            {
                args[i] = Arg(match.Groups["a" + i.ToString(CultureInfo.InvariantCulture)].Value);
            }

            return text[key, args];
        }

        return sentence;
    }

    /// <summary>
    /// The pattern's match, or null when it ran out of time: on a machine busy enough to pause the thread past the limit
    /// (a refusal of an edit answered 500 so under a loaded test run), the sentence is not this code's — another code's, or
    /// shown as it is — rather than a server error.
    /// </summary>
    private static Match? Matched(Regex pattern, string sentence)
    {
        try
        {
            return pattern.Match(sentence);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>A message by its code, for the portal's own sentences.</summary>
    public string this[string key, params object[] args] => text[key, args];

    /// <summary>A conformance problem in the UI language: its kind and the field or section it names.</summary>
    public string Problem(ConformanceProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Localize(problem.Message);
    }

    /// <summary>A workflow refusal: for "not conformant", the lead sentence only (the page lists the problems).</summary>
    public string Refusal(WorkflowResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result is WorkflowResult.NotConformant ? text["NotConformant"] : Localize(result.Message);
    }

    private string Arg(string value)
    {
        var word = text[ArgPrefix + value];
        return word.ResourceNotFound ? Bilingual.Pick(value) : word.Value;
    }

    /// <summary>One anchored pattern per code, from the English file; a Chinese tail the library adds is allowed.</summary>
    private static List<(string Key, Regex Pattern)> Build()
    {
        var manager = new ResourceManager(typeof(MessageText).FullName!, typeof(MessageText).Assembly);
        var english = manager.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException("MessageText.en.resx is missing from the portal assembly.");
        var patterns = new List<(string Key, Regex Pattern)>();
        foreach (DictionaryEntry entry in english)
        {
            if (entry.Key is string key && !key.StartsWith(ArgPrefix, StringComparison.Ordinal) && entry.Value is string value && value.Length > 0)
            {
                patterns.Add((key, new Regex("^" + ToPattern(value) + @"(?:\s+[\u3000-\u9FFF\uFF00-\uFFEF][^A-Za-z]*)?$", RegexOptions.CultureInvariant, MatchTimeout)));
            }
        }

        // The longest first, so a sentence never matches a shorter one's pattern by accident.
        return [.. patterns.OrderByDescending(p => p.Pattern.ToString().Length)];
    }

    private static string ToPattern(string format)
    {
        var pattern = new System.Text.StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{')
            {
                pattern.Append(@"\{");
                i++;
            }
            else if (c == '}' && i + 1 < format.Length && format[i + 1] == '}')
            {
                pattern.Append(@"\}");
                i++;
            }
            else if (c == '{' && format.IndexOf('}', i) is var end and > 0 && int.TryParse(format.AsSpan(i + 1, end - i - 1), CultureInfo.InvariantCulture, out var index))
            {
                pattern.Append("(?<a").Append(index.ToString(CultureInfo.InvariantCulture)).Append(">.+?)");
                i = end;
            }
            else
            {
                pattern.Append(Regex.Escape(c.ToString()));
            }
        }

        return pattern.ToString();
    }
}
