using System.Text.RegularExpressions;

namespace KnowledgeHub.EndToEnd.Tests.Walk;

/// <summary>
/// What the browser walk expects to read in one UI language — the button names it clicks, the status words, the
/// e-mail subjects — and who walks: an author and a reviewer whose e-mails are in that language
/// (alice and bob in Chinese, the default; erin and frank, configured in English by <see cref="PortalFixture"/>).
/// </summary>
internal sealed partial record WalkLanguage(
    string Locale,
    string Lang,
    string Author,
    string Reviewer,
    string ReviewerName,
    string Create,
    string Save,
    string Submit,
    string Approve,
    string InReview,
    string Published,
    string ReviewRequestedSubject,
    string ApprovedSubject,
    string ApprovedSentence,
    string OpenLink)
{
    public static readonly WalkLanguage Chinese = new(
        "zh-CN", "zh-Hans", "alice", "bob", "陈波 Bob Chen", "创建", "保存", "提交审阅", "批准发布", "审阅中", "已发布",
        "请审阅：", "已批准：", "批准并发布了", "打开文档");

    public static readonly WalkLanguage English = new(
        "en", "en", "erin", "frank", "Frank Moore", "Create", "Save", "Submit for review", "Approve", "In review", "Published",
        "Review requested: ", "Approved: ", "approved and published", "Open the document");

    public static WalkLanguage Of(string locale) => locale == "en" ? English : Chinese;

    public WalkLanguage Other => this == English ? Chinese : English;

    public bool IsEnglish => Locale == "en";

    /// <summary>
    /// Text of the other language in <paramref name="uiText"/> (the page without document content), one finding per line:
    /// on an English page any Chinese character; on a Chinese page any English word of the English resource files
    /// (<see cref="EnglishUiWords"/>).
    /// </summary>
    public IEnumerable<string> ForeignText(string uiText)
    {
        if (IsEnglish)
        {
            return Han().Matches(uiText).Select(m => $"Chinese text “{Around(uiText, m.Index)}”").Distinct();
        }

        return EnglishUiWords.Word().Matches(uiText).Where(m => EnglishUiWords.All.Contains(m.Value))
            .Select(m => $"English UI text “{Around(uiText, m.Index)}”").Distinct();
    }

    private static string Around(string text, int index) =>
        text.Substring(Math.Max(0, index - 10), Math.Min(text.Length - Math.Max(0, index - 10), 30)).ReplaceLineEndings(" ");

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}+")]
    private static partial Regex Han();
}
