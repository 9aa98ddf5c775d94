using KnowledgeHub.Documents;
using KnowledgeHub.Search.Analysis;

namespace KnowledgeHub.Search;

/// <summary>
/// What a <c>status:</c> value may say: the status's name (<c>InReview</c>), its label as the pages show it in English
/// (<c>"in review"</c>, also <c>in-review</c> or <c>in_review</c>) or Chinese (<c>审阅中</c>), and a few words people use
/// for it (<c>已发布</c> and <c>发布</c>). Read in any case, after the search normalization, so full-width letters and
/// traditional characters (<c>審閱中</c>, <c>已發佈</c>) read as well. The labels are the portal's (<c>LayoutText</c>
/// <c>Status*</c>); a portal test holds them to this list.
/// </summary>
public static class StatusWords
{
    private static readonly Dictionary<string, DocumentStatus> Words = Build();

    /// <summary>The status <paramref name="value"/> names, or null.</summary>
    public static DocumentStatus? Read(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Words.TryGetValue(Key(value), out var status) ? status : null;
    }

    private static Dictionary<string, DocumentStatus> Build()
    {
        var words = new Dictionary<string, DocumentStatus>(StringComparer.Ordinal);
        void Add(DocumentStatus status, params string[] forms)
        {
            foreach (var form in forms)
            {
                words.Add(Key(form), status);
            }
        }

        foreach (var status in Enum.GetValues<DocumentStatus>())
        {
            Add(status, status.ToString());
        }

        Add(DocumentStatus.Draft, "草稿", "草稿中");
        Add(DocumentStatus.InReview, "审阅中", "审阅", "待审阅", "审核中", "待审核", "评审中", "review");
        Add(DocumentStatus.Published, "已发布", "发布", "已发表");
        Add(DocumentStatus.Archived, "已归档", "归档", "存档", "已存档");
        return words;
    }

    /// <summary>Normalized, lower-cased, without spaces, hyphens and underscores: <c>In Review</c>, <c>in-review</c> and <c>INREVIEW</c> are one key.</summary>
    private static string Key(string value) =>
        string.Concat(TextNormalizer.Normalize(value.Trim()).Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '_')).ToLowerInvariant();
}
