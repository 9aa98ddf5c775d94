using System.Text.Json;
using System.Net;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Api;

public sealed class SearchApiTests(TestSignInPortalFactory portal) : IClassFixture<TestSignInPortalFactory>
{
    [Fact]
    public async Task Search_returns_a_page_of_hits_with_id_title_type_status_snippet_and_url()
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);

        var json = await ApiJson.ReadAsync(await alice.GetPageAsync("/api/v1/search?q=618"), HttpStatusCode.OK);

        Assert.Equal(["didYouMean", "hits", "notes", "notice", "page", "pageSize", "query", "total"], ApiJson.PropertyNames(json));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("notice").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("didYouMean").ValueKind);
        Assert.Equal("618", json.GetProperty("query").GetString());
        Assert.Equal(1, json.GetProperty("page").GetInt32());
        Assert.Equal(10, json.GetProperty("pageSize").GetInt32());
        Assert.True(json.GetProperty("total").GetInt32() >= 1);
        var hit = json.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("id").GetString() == "retro-2026-618-campaign");
        Assert.Equal(["id", "snippet", "status", "title", "type", "updatedUtc", "url"], ApiJson.PropertyNames(hit));
        Assert.Equal("2026 年 618 大促复盘", hit.GetProperty("title").GetString());
        Assert.Equal("retrospective", hit.GetProperty("type").GetString());
        Assert.Equal("Published", hit.GetProperty("status").GetString());
        Assert.Contains("<mark>618</mark>", hit.GetProperty("snippet").GetString());
        Assert.Equal("/Documents/retro-2026-618-campaign", hit.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Search_never_returns_a_document_the_caller_may_not_read_nor_counts_it()
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);
        var bob = portal.CreateClientAs(TestUsers.Bob);

        var hidden = await ApiJson.ReadAsync(await alice.GetPageAsync("/api/v1/search?q=quillfeather"), HttpStatusCode.OK);
        var shown = await ApiJson.ReadAsync(await bob.GetPageAsync("/api/v1/search?q=quillfeather"), HttpStatusCode.OK);

        Assert.Equal(0, hidden.GetProperty("total").GetInt32());
        Assert.Empty(ApiJson.Ids(hidden));
        Assert.Equal(1, shown.GetProperty("total").GetInt32());
        Assert.Equal(["retro-2026-research-pricing"], ApiJson.Ids(shown));
    }

    [Fact]
    public async Task Search_filters_by_facet_values_under_the_search_page_keys()
    {
        var bob = await portal.CreateReadyClientAsAsync(TestUsers.Bob);
        var all = await ApiJson.ReadAsync(await bob.GetPageAsync("/api/v1/search?q=2026&pageSize=50"), HttpStatusCode.OK);

        var retros = await ApiJson.ReadAsync(await bob.GetPageAsync("/api/v1/search?q=2026&pageSize=50&type=Retrospective"), HttpStatusCode.OK);

        var types = retros.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("type").GetString()).Distinct().ToList();
        Assert.Equal(["retrospective"], types);
        Assert.InRange(retros.GetProperty("total").GetInt32(), 1, all.GetProperty("total").GetInt32() - 1);
    }

    [Fact]
    public async Task Search_pages_with_page_and_pageSize()
    {
        var bob = await portal.CreateReadyClientAsAsync(TestUsers.Bob);
        var all = await ApiJson.ReadAsync(await bob.GetPageAsync("/api/v1/search?q=2026&pageSize=50"), HttpStatusCode.OK);

        var second = await ApiJson.ReadAsync(await bob.GetPageAsync("/api/v1/search?q=2026&page=2&pageSize=1"), HttpStatusCode.OK);

        Assert.True(all.GetProperty("total").GetInt32() >= 2, all.GetRawText());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(1, second.GetProperty("pageSize").GetInt32());
        Assert.Equal(all.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32());
        Assert.Equal([ApiJson.Ids(all)[1]], ApiJson.Ids(second));
    }

    [Theory]
    [InlineData("/api/v1/search", "q")]
    [InlineData("/api/v1/search?q=%20%20", "q")]
    [InlineData("/api/v1/search?q=x&page=abc", "page")]
    [InlineData("/api/v1/search?q=x&page=0", "page")]
    [InlineData("/api/v1/search?q=x&page=-3", "page")]
    [InlineData("/api/v1/search?q=x&page=99999999999", "page")]
    [InlineData("/api/v1/search?q=x&pageSize=51", "pageSize")]
    [InlineData("/api/v1/search?q=x&pageSize=1.5", "pageSize")]
    public async Task Bad_parameters_are_a_400_with_a_sentence_naming_the_parameter(string url, string parameter)
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);

        var problem = await ApiJson.ProblemAsync(await alice.GetPageAsync(url), HttpStatusCode.BadRequest);

        Assert.Contains(parameter, problem.GetProperty("detail").GetString());
    }

    /// <summary>A pasted passage over the limit is searched as the search page and the lessons read it: cut at a word boundary, with a note.</summary>
    [Theory]
    [InlineData(130, "618 ")]
    [InlineData(110, "直播复盘，")]
    public async Task An_overlong_query_is_cut_with_a_note_as_on_the_page(int times, string text)
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);
        var query = string.Concat(Enumerable.Repeat(text, times));

        var json = await ApiJson.ReadAsync(await alice.GetPageAsync("/api/v1/search?q=" + Uri.EscapeDataString(query)), HttpStatusCode.OK);

        var note = Assert.Single(json.GetProperty("notes").EnumerateArray(), n => n.GetProperty("kind").GetString() == "TooLong");
        Assert.Contains("500", note.GetProperty("text").GetString());
        Assert.True(json.GetProperty("total").GetInt32() >= 1);
    }

    [Theory]
    [InlineData("\"unclosed phrase")]
    [InlineData("(((")]
    [InlineData("AND OR NOT")]
    [InlineData("title:")]
    [InlineData("*")]
    [InlineData("~~~ ^2")]
    [InlineData("复盘 AND (")]
    [InlineData("a:b:c [x TO")]
    [InlineData("\\")]
    public async Task A_query_Lucene_cannot_parse_never_fails_the_request(string query)
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);

        var json = await ApiJson.ReadAsync(await alice.GetPageAsync("/api/v1/search?q=" + Uri.EscapeDataString(query)), HttpStatusCode.OK);

        Assert.Equal(query, json.GetProperty("query").GetString());
    }

    /// <summary>A client naming no language gets English, one asking for Chinese gets Chinese; scripts read the kind.</summary>
    [Theory]
    [InlineData(null, "Your search had a syntax error, so we searched for the words instead.")]
    [InlineData("zh-CN", "搜索语法有误，已改为按词语搜索。")]
    public async Task A_query_not_searched_as_typed_has_a_notice_in_the_clients_language_and_notes_with_their_kind(string? language, string expected)
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);
        alice.DefaultRequestHeaders.AcceptLanguage.Clear();
        if (language is not null)
        {
            alice.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var json = await ApiJson.ReadAsync(await alice.GetPageAsync("/api/v1/search?q=" + Uri.EscapeDataString("618 (((")), HttpStatusCode.OK);

        Assert.Equal(expected, json.GetProperty("notice").GetString());
        var note = Assert.Single(json.GetProperty("notes").EnumerateArray());
        Assert.Equal(["asWords", "count", "kind", "text", "words"], ApiJson.PropertyNames(note));
        Assert.Equal("SyntaxError", note.GetProperty("kind").GetString());
        Assert.Equal(expected, note.GetProperty("text").GetString());
        Assert.True(json.GetProperty("total").GetInt32() >= 1);
    }

    /// <summary>A quoted phrase nothing has: the note says how many documents have its words, and asWords is that search.</summary>
    [Fact]
    public async Task A_quoted_phrase_nothing_has_offers_the_search_of_its_words()
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);

        var json = await ApiJson.ReadAsync(await alice.GetPageAsync("/api/v1/search?q=" + Uri.EscapeDataString("\"saturation pool\"")), HttpStatusCode.OK);

        Assert.Equal(0, json.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("notice").ValueKind);
        var note = Assert.Single(json.GetProperty("notes").EnumerateArray());
        Assert.Equal("AsTypedFoundNothing", note.GetProperty("kind").GetString());
        Assert.Equal("saturation pool", note.GetProperty("asWords").GetString());
        var count = note.GetProperty("count").GetInt32();
        Assert.Equal($"Nothing matches this as typed, with its quotes and operators. Documents with all of its words: {count}.", note.GetProperty("text").GetString());
        var asWords = await ApiJson.ReadAsync(await alice.GetPageAsync("/api/v1/search?q=" + Uri.EscapeDataString(note.GetProperty("asWords").GetString()!)), HttpStatusCode.OK);
        Assert.True(count > 0);
        Assert.Equal(count, asWords.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_filter_value_nothing_has_is_a_note_naming_it()
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);

        var json = await ApiJson.ReadAsync(await alice.GetPageAsync("/api/v1/search?q=" + Uri.EscapeDataString("618 tag:qqzvx")), HttpStatusCode.OK);

        Assert.Equal(0, json.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("notice").ValueKind);
        var note = Assert.Single(json.GetProperty("notes").EnumerateArray());
        Assert.Equal("FilterMatchesNothing", note.GetProperty("kind").GetString());
        Assert.Equal(["tag:qqzvx"], note.GetProperty("words").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal("No document you may read matches tag:qqzvx: check the filter's value.", note.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_bad_parameter_is_refused_in_the_clients_language()
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);
        alice.DefaultRequestHeaders.AcceptLanguage.Clear();
        alice.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var problem = await ApiJson.ProblemAsync(await alice.GetPageAsync("/api/v1/search?q=x&pageSize=51"), HttpStatusCode.BadRequest);

        Assert.Equal("pageSize 必须是 1 到 50 之间的整数。", problem.GetProperty("detail").GetString());
        Assert.Equal("请求无效", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/v1/lessons?year=abc", "year")]
    [InlineData("/api/v1/lessons?year=99999999999", "year")]
    [InlineData("/api/v1/lessons?page=abc", "page")]
    [InlineData("/api/v1/lessons?page=0", "page")]
    [InlineData("/api/v1/lessons?pageSize=1.5", "pageSize")]
    public async Task Bad_lessons_parameters_are_a_400_with_a_sentence_naming_the_parameter(string url, string parameter)
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);

        var problem = await ApiJson.ProblemAsync(await alice.GetPageAsync(url), HttpStatusCode.BadRequest);

        Assert.Contains(parameter, problem.GetProperty("detail").GetString());
    }

    /// <summary>The API offers the pages' "did you mean": a script gets the correction a reader is offered.</summary>
    [Theory]
    [InlineData("/api/v1/search?q=saturatoin")]
    [InlineData("/api/v1/lessons?q=saturatoin")]
    public async Task A_misspelt_word_gets_the_corrected_query_in_did_you_mean(string url)
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);

        var misspelt = await ApiJson.ReadAsync(await alice.GetPageAsync(url), HttpStatusCode.OK);
        var corrected = await ApiJson.ReadAsync(await alice.GetPageAsync(url.Replace("saturatoin", "saturation", StringComparison.Ordinal)), HttpStatusCode.OK);

        Assert.Equal(0, misspelt.GetProperty("total").GetInt32());
        Assert.Equal("saturation", misspelt.GetProperty("didYouMean").GetString());
        Assert.True(corrected.GetProperty("total").GetInt32() > 0);
        Assert.Equal(JsonValueKind.Null, corrected.GetProperty("didYouMean").ValueKind);
    }

    [Fact]
    public async Task The_lessons_endpoint_says_which_filter_it_ignored()
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);

        var json = await ApiJson.ReadAsync(await alice.GetPageAsync("/api/v1/lessons?q=" + Uri.EscapeDataString("618 year:26")), HttpStatusCode.OK);

        Assert.Equal(["didYouMean", "lessons", "notes", "notice", "page", "pageSize", "total"], ApiJson.PropertyNames(json));
        Assert.Equal("“26” is not a year (use four digits, e.g. year:2026), so we ignored it.", json.GetProperty("notice").GetString());
        Assert.Equal("NotAYear", Assert.Single(json.GetProperty("notes").EnumerateArray()).GetProperty("kind").GetString());
        Assert.NotEmpty(json.GetProperty("lessons").EnumerateArray());
    }

    [Fact]
    public async Task A_type_no_template_names_is_ignored_with_a_note_and_one_by_its_name_selects_that_type()
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);

        var unknown = await ApiJson.ReadAsync(await alice.GetPageAsync("/api/v1/search?q=" + Uri.EscapeDataString("618 type:复盘报告")), HttpStatusCode.OK);
        var plain = await ApiJson.ReadAsync(await alice.GetPageAsync("/api/v1/search?q=618"), HttpStatusCode.OK);
        var byName = await ApiJson.ReadAsync(await alice.GetPageAsync("/api/v1/search?q=" + Uri.EscapeDataString("618 type:復盤")), HttpStatusCode.OK);
        var byKey = await ApiJson.ReadAsync(await alice.GetPageAsync("/api/v1/search?q=" + Uri.EscapeDataString("618 type:retrospective")), HttpStatusCode.OK);

        Assert.Equal("There is no document type “复盘报告” (use Retrospective, Weekly report), so we ignored it.", unknown.GetProperty("notice").GetString());
        Assert.Equal("UnknownType", Assert.Single(unknown.GetProperty("notes").EnumerateArray()).GetProperty("kind").GetString());
        Assert.Equal(plain.GetProperty("total").GetInt32(), unknown.GetProperty("total").GetInt32());
        Assert.NotEqual(0, byKey.GetProperty("total").GetInt32());
        Assert.Equal(byKey.GetProperty("total").GetInt32(), byName.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, byName.GetProperty("notice").ValueKind);

        var lessons = await ApiJson.ReadAsync(await alice.GetPageAsync("/api/v1/lessons?q=" + Uri.EscapeDataString("618 type:复盘报告")), HttpStatusCode.OK);
        Assert.Equal("There is no document type “复盘报告” (use Retrospective, Weekly report), so we ignored it.", lessons.GetProperty("notice").GetString());
        Assert.Equal("There is no document type “复盘报告” (use Retrospective, Weekly report), so we ignored it.", Assert.Single(lessons.GetProperty("notes").EnumerateArray()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_most_words_note_names_what_was_searched_lessons_or_documents()
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);
        var query = Uri.EscapeDataString("618 quuxbarnacle");

        var lessons = await ApiJson.ReadAsync(await alice.GetPageAsync("/api/v1/lessons?q=" + query), HttpStatusCode.OK);
        var documents = await ApiJson.ReadAsync(await alice.GetPageAsync("/api/v1/search?q=" + query), HttpStatusCode.OK);

        static string Note(System.Text.Json.JsonElement json) =>
            json.GetProperty("notes").EnumerateArray().Single(n => n.GetProperty("kind").GetString() == "MostWords").GetProperty("text").GetString()!;
        Assert.Equal("No lesson has every word; these lessons have most of them. No lesson has: quuxbarnacle", Note(lessons));
        Assert.Equal("No document has every word; these results have most of them. No document has: quuxbarnacle", Note(documents));
        Assert.NotEmpty(lessons.GetProperty("lessons").EnumerateArray());
    }

    [Fact]
    public async Task Without_a_signed_in_caller_search_is_a_401_with_a_Bearer_challenge()
    {
        await portal.CreateReadyClientAsync();

        var response = await portal.CreatePortalClient().GetPageAsync("/api/v1/search?q=618");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
