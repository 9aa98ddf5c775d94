using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Localization;
using KnowledgeHub.Portal.Resources;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Tests.Localization;

/// <summary>Every resource pair is complete, and the documents library's sentences come out in the UI language.</summary>
public sealed partial class ResourceTests
{
    [Fact]
    public void Every_key_of_every_resource_pair_is_in_both_files_with_a_value_and_the_same_placeholders()
    {
        var problems = new List<string>();
        foreach (var marker in ResourceText.Markers)
        {
            var chinese = ResourceText.Read(marker, CultureInfo.InvariantCulture);
            var english = ResourceText.Read(marker, ResourceText.English);
            problems.AddRange(chinese.Keys.Except(english.Keys).Select(k => $"{marker.Name}.en.resx lacks {k}"));
            problems.AddRange(english.Keys.Except(chinese.Keys).Select(k => $"{marker.Name}.resx lacks {k}"));
            problems.AddRange(chinese.Concat(english).Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{marker.Name}: {e.Key} is empty"));
            foreach (var key in chinese.Keys.Intersect(english.Keys))
            {
                if (!Placeholders(chinese[key]).SetEquals(Placeholders(english[key])))
                {
                    problems.Add($"{marker.Name}: {key} has placeholders {string.Join(",", Placeholders(chinese[key]))} in Chinese but {string.Join(",", Placeholders(english[key]))} in English");
                }
            }
        }

        Assert.Contains(ResourceText.Markers, m => m == typeof(LayoutText));
        Assert.True(ResourceText.Markers.Count >= 8, "The portal's resource pairs were not found.");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void The_chinese_files_are_chinese_and_the_english_files_hold_no_chinese()
    {
        var english = ResourceText.Markers.SelectMany(m => ResourceText.Read(m, ResourceText.English).Select(e => (m.Name, e.Key, e.Value)))
            .Where(e => Chinese().IsMatch(e.Value)).Select(e => $"{e.Name}.en.resx {e.Key}: {e.Value}");
        var untranslated = ResourceText.Markers.SelectMany(m => ResourceText.Read(m, CultureInfo.InvariantCulture).Select(e => (m.Name, e.Key, e.Value)))
            .Where(e => e.Value.Any(char.IsLetter) && !Chinese().IsMatch(e.Value)).Select(e => $"{e.Name}.resx {e.Key}: {e.Value}");

        Assert.Empty(english);
        Assert.Empty(untranslated);
    }

    /// <summary>Each library sentence (its English form with sample arguments) is recognised and written again in Chinese.</summary>
    [Fact]
    public void Every_library_sentence_is_recognised_by_its_english_form_and_shown_in_chinese_with_its_arguments()
    {
        var messages = new DomainMessages(Localizer());
        var english = ResourceText.Read(typeof(MessageText), ResourceText.English);
        var chinese = ResourceText.Read(typeof(MessageText), CultureInfo.InvariantCulture);
        var problems = new List<string>();
        foreach (var (key, format) in english.Where(e => !e.Key.StartsWith("Arg.", StringComparison.Ordinal)))
        {
            var args = Enumerable.Range(0, Placeholders(format).Count).Select(i => (object)$"ARG{i}").ToArray();
            var sentence = string.Format(CultureInfo.InvariantCulture, format, args);
            using (CultureScope.Use("zh-CN"))
            {
                var shown = messages.Localize(sentence);
                var expected = string.Format(CultureInfo.InvariantCulture, chinese[key], args);
                if (shown != expected)
                {
                    problems.Add($"{key}: \"{sentence}\" became \"{shown}\", not \"{expected}\"");
                }
            }
        }

        Assert.True(english.Count > 40);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData("zh-CN", "只有审阅中的文档可以批准；此文档是草稿。")]
    [InlineData("en", "Only a document in review can be approved; this one is a draft.")]
    public void A_refusal_of_the_workflow_rules_names_the_state_in_the_ui_language(string culture, string expected)
    {
        var manifest = new DocumentManifest { Id = "x", Type = "retrospective", Title = "x", Owner = "user:x", Status = DocumentStatus.Draft };
        var refusal = WorkflowRules.CheckTransition(manifest, ReviewDecision.Approve)!;

        using var scope = CultureScope.Use(culture);
        Assert.Equal(expected, new DomainMessages(Localizer()).Localize(refusal));
    }

    [Theory]
    [InlineData("zh-CN", "缺少字段：KPI 目标", "文本超过 1,000,000 个字符，过长，无法排版。")]
    [InlineData("en", "Missing field: KPI targets", "The text is longer than 1,000,000 characters, too long to format.")]
    public void Bilingual_names_and_the_librarys_own_chinese_tails_are_cut_to_the_ui_language(string culture, string field, string tooLong)
    {
        var limit = MarkdownLimits.Check(new string('x', MarkdownLimits.MaxLength + 1))!;

        using var scope = CultureScope.Use(culture);
        var messages = new DomainMessages(Localizer());
        Assert.Equal(field, messages.Localize("Missing field: KPI 目标 KPI targets"));
        Assert.Equal(tooLong, messages.Localize(limit.Message));
    }

    [Fact]
    public void A_sentence_no_code_knows_is_shown_as_it_is()
    {
        using var scope = CultureScope.Use("zh-CN");
        Assert.Equal("Something new went wrong.", new DomainMessages(Localizer()).Localize("Something new went wrong."));
    }

    private static IStringLocalizer<MessageText> Localizer() =>
        new StringLocalizer<MessageText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static HashSet<string> Placeholders(string value) => [.. Placeholder().Matches(value).Select(m => m.Value)];

    [GeneratedRegex(@"(?<!\{)\{\d+\}(?!\})")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Chinese();
}
