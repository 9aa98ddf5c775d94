using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Api;

/// <summary>
/// The API answers refusals in the client's language: Accept-Language (or the language cookie) when it names Chinese or
/// English, English when it names none or another — titles, the portal's own sentences and the domain's alike, with no
/// word of the other language.
/// </summary>
public sealed partial class ApiLanguageTests(TestSignInPortalFactory portal) : IClassFixture<TestSignInPortalFactory>
{
    public static TheoryData<string?, string, string> Languages => new()
    {
        { null, "Not found", "There is no document with this id that you may read." },
        { "en-US,en;q=0.9", "Not found", "There is no document with this id that you may read." },
        { "fr-FR", "Not found", "There is no document with this id that you may read." },
        { "zh-CN,zh;q=0.9", "未找到", "找不到该文档，或您没有权限阅读。" },
        { "fr;q=0.9, zh-CN;q=0.8", "未找到", "找不到该文档，或您没有权限阅读。" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_404_is_in_the_language_the_client_asks_for_and_english_when_it_names_none(string? acceptLanguage, string title, string detail)
    {
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);

        var problem = await ProblemAsync(alice, HttpMethod.Get, "/api/v1/documents/no-such-document", acceptLanguage, HttpStatusCode.NotFound);

        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Portal_and_domain_sentences_are_chinese_for_a_chinese_client_and_english_otherwise()
    {
        var dave = await portal.CreateReadyClientAsAsync(TestUsers.Dave);
        var alice = await portal.CreateReadyClientAsAsync(TestUsers.Alice);
        var create = () => JsonContent.Create(new { type = "retrospective", title = "x" });
        var badTag = () => JsonContent.Create(new { type = "retrospective", title = "x", tags = new[] { "" } });

        var zh = new[]
        {
            await ProblemAsync(dave, HttpMethod.Post, "/api/v1/documents", "zh-CN", HttpStatusCode.Forbidden, create()),
            await ProblemAsync(alice, HttpMethod.Post, "/api/v1/documents", "zh-CN", HttpStatusCode.BadRequest, badTag()),
            await ProblemAsync(alice, HttpMethod.Get, "/api/no-such-endpoint", "zh-CN", HttpStatusCode.NotFound),
        };
        var en = await ProblemAsync(alice, HttpMethod.Post, "/api/v1/documents", null, HttpStatusCode.BadRequest, badTag());

        Assert.Equal("创建文档需要 Contributor 角色。", zh[0].GetProperty("detail").GetString());
        Assert.Equal("禁止访问", zh[0].GetProperty("title").GetString());
        Assert.Contains("标签", zh[1].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("/openapi/v1.json", zh[2].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.All(zh, p => Assert.DoesNotMatch(EnglishWords(), p.GetProperty("detail").GetString()!.Replace("Contributor", "", StringComparison.Ordinal)));
        Assert.Equal("Each tag needs 1 to 100 characters and no control characters.", en.GetProperty("detail").GetString());
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", en.GetRawText());
    }

    [Fact]
    public async Task The_openapi_description_shows_the_english_answers_whatever_language_fetches_it()
    {
        var client = await portal.CreateReadyClientAsync("zh-CN");

        var description = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("There is no document with this id that you may read.", description, StringComparison.Ordinal);
        Assert.Contains("\"Not found\"", description, StringComparison.Ordinal);
        Assert.DoesNotContain("未找到", description, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ProblemAsync(
        HttpClient client, HttpMethod method, string url, string? acceptLanguage, HttpStatusCode expected, HttpContent? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = body };
        client.DefaultRequestHeaders.AcceptLanguage.Clear(); // the test client asks for English by default
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        return await ApiJson.ProblemAsync(response, expected);
    }

    /// <summary>Two English words in a row: a sentence left untranslated (paths and names such as /openapi/v1.json aside).</summary>
    [GeneratedRegex(@"\b[A-Za-z]{3,}\s+[A-Za-z]{2,}\b")]
    private static partial Regex EnglishWords();
}
