namespace KnowledgeHub.Documents.Tests;

public sealed class FrontMatterTests
{
    [Theory]
    [InlineData("---\ntitle: 复盘\n---\n正文\n")]
    [InlineData("---\r\ntitle: 复盘\r\n---\r\n正文\r\n")]
    [InlineData("\uFEFF---\ntitle: 复盘\n---\n正文\n")]
    [InlineData("\uFEFF---\r\ntitle: 复盘\r\n---\r\n正文\r\n")]
    [InlineData("---\ntitle: 复盘\n...\n正文\n")]
    public void Front_matter_is_split_from_the_body_whatever_the_line_endings(string text)
    {
        var parsed = FrontMatter.Parse(text);

        Assert.Equal("复盘", parsed.GetString("title"));
        Assert.Equal("正文\n", parsed.Body);
    }

    [Theory]
    [InlineData("# 只有正文\n")]
    [InlineData("---\ntitle: never closed\n# 正文\n")]
    [InlineData("")]
    [InlineData("text\n---\nnot: front matter\n---\n")]
    public void Text_without_front_matter_has_no_fields_and_keeps_all_text_as_body(string text)
    {
        var parsed = FrontMatter.Parse(text);

        Assert.Empty(parsed.Fields);
        Assert.Equal(text, parsed.Body);
    }

    [Fact]
    public void Lists_mappings_and_empty_values_are_read()
    {
        var parsed = FrontMatter.Parse("---\ntags: [618, 大促, campaign]\nreaders: []\neditors:\n  - group:abc\nempty:\nfields:\n  - key: project\n    label: 项目 Project\n---\n");

        Assert.Equal(["618", "大促", "campaign"], parsed.GetList("tags"));
        Assert.Empty(parsed.GetList("readers"));
        Assert.Equal(["group:abc"], parsed.GetList("editors"));
        Assert.Null(parsed.GetString("empty"));
        Assert.Null(parsed.GetString("missing"));
        var field = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(Assert.Single(Assert.IsAssignableFrom<IEnumerable<object?>>(parsed.Fields["fields"])));
        Assert.Equal("项目 Project", field["label"]);
    }

    [Theory]
    [InlineData("---\ntitle: [unclosed\n---\nbody")]
    [InlineData("---\n- just\n- a list\n---\nbody")]
    public void Malformed_front_matter_is_a_format_error(string text)
    {
        Assert.Throws<FormatException>(() => FrontMatter.Parse(text));
    }

    public static TheoryData<string, string> RoundTripValues => new()
    {
        { "title", "2026 年 618 大促复盘" },
        { "period", "2026-06-01 ~ 2026-06-20" },
        { "colon", "目标: 实际" },
        { "quotes", "他说 \"好\" 'ok'" },
        { "hash", "#1 # not a comment" },
        { "number", "618" },
        { "boolean", "true" },
        { "nullish", "null" },
        { "dashes", "---" },
        { "multiline", "第一行\n第二行" },
        { "leading", "  spaced  " },
        { "empty", "" },
        { "brackets", "[not, a, list]" },
        { "emoji", "上线 🎉" },
    };

    [Theory]
    [MemberData(nameof(RoundTripValues))]
    public void Written_front_matter_reads_back_the_same(string key, string value)
    {
        var text = FrontMatter.Write([new(key, value), new("tags", new List<string> { "618", "大促" })], "## 经验教训\r\n\r\n- 预热期太短\n");

        var parsed = FrontMatter.Parse(text);

        Assert.Equal(value, parsed.Fields[key]);
        Assert.Equal(["618", "大促"], parsed.GetList("tags"));
        Assert.Equal("## 经验教训\n\n- 预热期太短\n", parsed.Body);
        Assert.Contains("2026 年 618 大促复盘", FrontMatter.Write([new("title", "2026 年 618 大促复盘")], ""));
    }
}
