using System.Text.RegularExpressions;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Pages.Search;
using KnowledgeHub.Portal.Resources;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Search;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Tests.Localization;

/// <summary>Every note on how a query was read has a sentence in both languages, naming what the user typed.</summary>
public sealed partial class QueryNoteSentenceTests
{
    public static TheoryData<QueryNoteKind> Kinds => [.. Enum.GetValues<QueryNoteKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_of_note_is_a_sentence_in_chinese_and_in_english_naming_its_words(QueryNoteKind kind)
    {
        var note = new QueryNote(kind, ["WORD0", "WORD1"], 7);

        string chinese, english;
        using (CultureScope.Use("zh-CN"))
        {
            chinese = Localizer().Sentence(note);
        }

        using (CultureScope.Use("en"))
        {
            english = Localizer().Sentence(note);
        }

        Assert.Matches(Chinese(), chinese);
        Assert.DoesNotMatch(Chinese(), english);
        Assert.DoesNotContain("Note" + kind, chinese + english, StringComparison.Ordinal);
        // A kind that names what was typed shows it; one that counts (characters, results) shows the count.
        var named = chinese.Contains("WORD0", StringComparison.Ordinal);
        Assert.Equal(named, english.Contains("WORD0", StringComparison.Ordinal));
        Assert.Equal(chinese.Contains('7', StringComparison.Ordinal), english.Contains('7', StringComparison.Ordinal));
        Assert.True(named || chinese.Contains('7', StringComparison.Ordinal) || kind is QueryNoteKind.SyntaxError or QueryNoteKind.TooComplex
            or QueryNoteKind.UnsupportedSyntax or QueryNoteKind.InnerWildcard or QueryNoteKind.LeadingWildcard or QueryNoteKind.SyntaxAsWords, $"{kind}: {english}");
    }

    /// <summary>
    /// The words of a run typed as one (意味著 searched as 意味 and 着) that found nothing together: the sentence names the
    /// words no entry has, or says none has them together, and never asks for fewer words of a one-word query.
    /// </summary>
    [Theory]
    [InlineData(NoteSubject.Documents)]
    [InlineData(NoteSubject.Lessons)]
    public void The_words_of_one_run_that_found_nothing_together_are_not_told_to_be_fewer(NoteSubject subject)
    {
        var missing = new QueryNote(QueryNoteKind.NoneTogether, ["意味"]) { OfOneRun = true };
        var together = new QueryNote(QueryNoteKind.NoneTogether, []) { OfOneRun = true };
        var typedApart = new QueryNote(QueryNoteKind.NoneTogether, ["意味"]);

        foreach (var (culture, fewer) in new[] { ("zh-CN", "减少"), ("en", "fewer") })
        {
            using var scope = CultureScope.Use(culture);
            var text = Localizer();

            Assert.Contains("意味", text.Sentence(missing, subject), StringComparison.Ordinal);
            Assert.DoesNotContain(fewer, text.Sentence(missing, subject), StringComparison.Ordinal);
            Assert.DoesNotContain(fewer, text.Sentence(together, subject), StringComparison.Ordinal);
            Assert.DoesNotContain("Note", text.Sentence(together, subject), StringComparison.Ordinal);
            Assert.Contains(fewer, text.Sentence(typedApart, subject), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Typed_text_is_quoted_back_cut_to_forty_characters_without_splitting_a_character()
    {
        var status = "x" + new string('复', 38) + "😀" + "tail of a very long pasted value";
        using var scope = CultureScope.Use("en");

        var sentence = Localizer().Sentence(QueryNote.Of(QueryNoteKind.UnknownStatus, status));

        Assert.Contains("“x" + new string('复', 38) + "…”", sentence, StringComparison.Ordinal);
        Assert.Contains("(use draft, in-review, published, archived)", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("tail", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_page_typed_text_is_encoded_content_and_the_syntax_to_type_is_code()
    {
        using var scope = CultureScope.Use("zh-CN");

        var html = Html(QueryNote.Of(QueryNoteKind.UnknownStatus, "<img src=x onerror=alert(1)>"));
        var date = Html(QueryNote.Of(QueryNoteKind.UnreadableDate, "明天", "after:"));

        Assert.Equal(
            "没有“<span class=\"typed\" data-content>&lt;img src=x onerror=alert(1)&gt;</span>”这个状态（可用 <code>草稿、审阅中、已发布、已归档</code>），已忽略此筛选。",
            html);
        Assert.Equal("无法识别“<code>after:</code>”中的日期“<span class=\"typed\" data-content>明天</span>”（请用 YYYY-MM-DD），已忽略此筛选。", date);
    }

    /// <summary>The status labels the pages show and the choices an unknown-status note offers all work as <c>status:</c> values.</summary>
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Every_status_label_shown_and_every_choice_offered_reads_as_its_status(string culture)
    {
        using var scope = CultureScope.Use(culture);
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        var labels = new StringLocalizer<LayoutText>(factory);

        foreach (var status in Enum.GetValues<DocumentStatus>())
        {
            var label = labels["Status" + status];
            Assert.False(label.ResourceNotFound, $"LayoutText has no Status{status}");
            Assert.Equal(status, StatusWords.Read(label.Value));
        }

        var choices = Localizer()["StatusChoices"].Value.Split([",", "、"], StringSplitOptions.TrimEntries);
        Assert.Equal(Enum.GetValues<DocumentStatus>(), choices.Select(c => StatusWords.Read(c) ?? throw new Xunit.Sdk.XunitException($"“{c}” is offered but is not a status")));
    }

    /// <summary>
    /// The facet headings are the dimensions' labels (<see cref="SearchDimension.LabelKey"/>), in both languages; the
    /// Chinese heading is a name the filter can be typed with (<c>标签:618</c>), and so is the English one, in any case (<c>tags:</c>).
    /// </summary>
    [Fact]
    public void Every_dimension_heading_is_its_label_and_the_label_types_its_filter()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        var headings = new StringLocalizer<SearchText>(factory);
        foreach (var dimension in SearchDimension.All)
        {
            using (CultureScope.Use("zh-CN"))
            {
                var label = headings[dimension.LabelKey];
                Assert.False(label.ResourceNotFound, $"SearchText has no {dimension.LabelKey}");
                Assert.Equal(label.Value, KnowledgeHub.Portal.Components.FacetPanel.Heading(dimension.Name, headings));
                Assert.Contains(label.Value, dimension.ChineseNames);
            }

            using (CultureScope.Use("en"))
            {
                var label = headings[dimension.LabelKey].Value;
                Assert.Equal(label, KnowledgeHub.Portal.Components.FacetPanel.Heading(dimension.Name, headings));
                Assert.Equal(dimension, SearchDimension.Find(label));
            }
        }
    }

    /// <summary>The unknown-type note offers the types by name, at most a dozen; without names it points at the Type filter.</summary>
    [Fact]
    public void The_unknown_type_note_offers_the_type_names_it_is_given()
    {
        var note = QueryNote.Of(QueryNoteKind.UnknownType, "复盘报告");
        string[] many = [.. Enumerable.Range(1, QueryNoteSentences.MaxTypeChoices + 3).Select(i => $"类型{i}")];

        using (CultureScope.Use("zh-CN"))
        {
            Assert.Equal("没有“复盘报告”这个文档类型（可用 复盘、周报），已忽略此筛选。", Localizer().Sentence(note, typeNames: ["复盘", "周报", "复盘"]));
            Assert.EndsWith("类型11、类型12…），已忽略此筛选。", Localizer().Sentence(note, typeNames: many), StringComparison.Ordinal);
            Assert.Equal("没有“复盘报告”这个文档类型（可在“类型”筛选中选择），已忽略此筛选。", Localizer().Sentence(note, typeNames: []));
        }

        using (CultureScope.Use("en"))
        {
            Assert.Equal("There is no document type “复盘报告” (use Retrospective, Weekly report), so we ignored it.", Localizer().NotAsTyped([note], ["Retrospective", "Weekly report"]));
            Assert.Equal("There is no document type “复盘报告” (the Type filter lists them), so we ignored it.", Localizer().NotAsTyped([note]));
        }
    }

    [Fact]
    public void Only_the_notes_on_what_was_not_searched_as_typed_make_the_notice()
    {
        using var scope = CultureScope.Use("en");
        QueryNote[] notes = [QueryNote.Of(QueryNoteKind.IgnoredWords, "how"), QueryNote.Of(QueryNoteKind.NotAYear, "26"), QueryNote.Of(QueryNoteKind.SyntaxError)];

        Assert.Equal(
            "“26” is not a year (use four digits, e.g. year:2026), so we ignored it. Your search had a syntax error, so we searched for the words instead.",
            Localizer().NotAsTyped(notes));
        Assert.Null(Localizer().NotAsTyped(notes[..1]));
    }

    private static string Html(QueryNote note)
    {
        using var writer = new StringWriter();
        Localizer().Html(note).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    private static IStringLocalizer<SearchQueryText> Localizer() =>
        new StringLocalizer<SearchQueryText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Chinese();
}
