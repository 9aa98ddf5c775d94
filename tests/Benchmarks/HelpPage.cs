using System.Text;

namespace KnowledgeHub.Benchmarks;

/// <summary>A language of the corpus: its help folder and the group whose members may read its pages.</summary>
public sealed record Language(string Code, string Folder, string ReaderGroup)
{
    /// <summary>Chinese pages are readable by the demo "ops" group, English pages by "research".</summary>
    public static readonly Language Chinese = new("zh", "zh-CN", "0a5e0000-0000-4000-8000-00000000a001");

    public static readonly Language English = new("en", "en-US", "2e5ea2c4-0000-4000-8000-00000000a002");

    public static IReadOnlyList<Language> All { get; } = [Chinese, English];
}

/// <summary>One converted help page: <see cref="Module"/> is the help module (calc, writer, basic, shared...).</summary>
public sealed record HelpPage(Language Language, string Id, string Module, string Title, string Markdown)
{
    /// <summary>The text measured for throughput: UTF-8 bytes of the title and the Markdown body.</summary>
    public long TextBytes => Encoding.UTF8.GetByteCount(Title) + Encoding.UTF8.GetByteCount(Markdown);

    /// <summary>True when the title has a CJK character (a Chinese known-item query).</summary>
    public bool HasCjkTitle => Title.Any(c => c is (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF'));
}
