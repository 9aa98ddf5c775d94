using System.Diagnostics;

namespace KnowledgeHub.Documents.Tests;

public sealed class VersionDiffTests
{
    public static TheoryData<string, string, string> Diffs => new()
    {
        // Segments written as: =equal  -deleted  +inserted, separated by '|'.
        { "我们优化了注册流程", "我们简化了注册流程", "=我们|-优|+简|=化了注册流程" },
        { "我们优化了注册流程", "我们优化了登录流程", "=我们优化了|-注册|+登录|=流程" },
        { "The quick brown fox", "The quick red fox", "=The quick |-brown|+red|= fox" },
        { "ship v1.2 today", "ship v1.3 today", "=ship v1.|-2|+3|= today" },
        { "GMV 达成 112%", "GMV 达成 115%", "=GMV 达成 |-112|+115|=%" },
        { "", "新内容", "+新内容" },
        { "旧内容", "", "-旧内容" },
        { "same", "same", "=same" },
        { "", "", "" },
    };

    [Theory]
    [MemberData(nameof(Diffs))]
    public void Differences_are_found_word_by_word_and_character_by_character_for_Chinese(string oldText, string newText, string expected)
    {
        var segments = VersionDiff.Compare(oldText, newText);

        Assert.Equal(expected, string.Join("|", segments.Select(s => (s.Kind switch { DiffKind.Equal => "=", DiffKind.Deleted => "-", _ => "+" }) + s.Text)));
    }

    [Theory]
    [InlineData("优化注册流程 signup flow v2", new[] { "优", "化", "注", "册", "流", "程", " ", "signup", " ", "flow", " ", "v2" })]
    [InlineData("你好，world！", new[] { "你", "好", "，", "world", "！" })]
    [InlineData("don't  stop", new[] { "don", "'", "t", "  ", "stop" })]
    [InlineData("snake_case x𠀀y", new[] { "snake_case", " ", "x", "𠀀", "y" })]
    public void Tokens_are_CJK_characters_words_whitespace_runs_and_punctuation(string text, string[] tokens)
    {
        Assert.Equal(tokens, DiffTokenizer.Tokenize(text));
        Assert.Equal(text, string.Concat(DiffTokenizer.Tokenize(text)));
    }

    [Fact]
    public void Both_texts_can_be_rebuilt_from_the_segments_of_a_multi_line_edit()
    {
        var oldText = "## 目标与结果\n\nGMV 1.5 亿。\n\n## 经验教训\n\n- 预热期太短\n- 客服人手不足\n";
        var newText = "## 目标与结果 Goals\n\nGMV 1.68 亿（112%）。\n\n## 经验教训\n\n- 预热期太短，应提前两周\n";

        var segments = VersionDiff.Compare(oldText, newText);

        Assert.Equal(oldText, string.Concat(segments.Where(s => s.Kind != DiffKind.Inserted).Select(s => s.Text)));
        Assert.Equal(newText, string.Concat(segments.Where(s => s.Kind != DiffKind.Deleted).Select(s => s.Text)));
        Assert.Contains(segments, s => s.Kind == DiffKind.Inserted && s.Text == "，应提前两周");
    }

    [Fact]
    public void Large_texts_that_differ_everywhere_fall_back_to_lines_and_stay_fast()
    {
        var random = new Random(7);
        string Text() => string.Join("\n", Enumerable.Range(0, 3000).Select(_ => new string((char)random.Next(0x4E00, 0x9FFF), 20)));
        var (a, b) = (Text(), Text());

        var watch = Stopwatch.StartNew();
        var segments = VersionDiff.Compare(a, b);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(a, string.Concat(segments.Where(s => s.Kind != DiffKind.Inserted).Select(s => s.Text)));
        Assert.Equal(b, string.Concat(segments.Where(s => s.Kind != DiffKind.Deleted).Select(s => s.Text)));
    }

    [Fact]
    public void Texts_over_the_size_guard_are_one_deletion_and_one_insertion()
    {
        var a = new string('a', VersionDiff.MaxChars);
        var segments = VersionDiff.Compare(a, "b");

        Assert.Equal([DiffKind.Deleted, DiffKind.Inserted], segments.Select(s => s.Kind));
    }

    [Fact]
    public void A_conflict_shows_both_sides_and_proposes_a_merge_when_they_changed_different_lines()
    {
        const string Base = "第一行\n第二行\n第三行\n";
        const string Theirs = "第一行（他们改）\n第二行\n第三行\n";
        const string Yours = "第一行\n第二行\n第三行（我改）\n";

        var view = ConflictMerge.Prepare(Base, Theirs, Yours);

        Assert.Equal("第一行（他们改）\n第二行\n第三行（我改）\n", view.ProposedMerge);
        Assert.Equal(0, view.ConflictingBlocks);
        Assert.Equal(Theirs, string.Concat(view.Differences.Where(s => s.Kind != DiffKind.Inserted).Select(s => s.Text)));
        Assert.Equal(Yours, string.Concat(view.Differences.Where(s => s.Kind != DiffKind.Deleted).Select(s => s.Text)));
        Assert.Contains(view.TheirChanges, s => s.Kind == DiffKind.Inserted && s.Text == "（他们改）");
        Assert.Contains(view.YourChanges, s => s.Kind == DiffKind.Inserted && s.Text == "（我改）");
    }

    [Fact]
    public void A_conflict_on_the_same_line_proposes_no_merge_and_keeps_both_texts()
    {
        var view = ConflictMerge.Prepare("目标：GMV 1.5 亿\n", "目标：GMV 1.6 亿\n", "目标：GMV 1.8 亿\n");

        Assert.Null(view.ProposedMerge);
        Assert.True(view.ConflictingBlocks > 0);
        Assert.Equal("=目标：GMV 1.|-6|+8|= 亿\n", string.Join("|", view.Differences.Select(s => (s.Kind switch { DiffKind.Equal => "=", DiffKind.Deleted => "-", _ => "+" }) + s.Text)));
    }
}
