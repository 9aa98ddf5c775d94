using KnowledgeHub.Documents.UseCases;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace KnowledgeHub.Portal;

/// <summary>
/// When a write answered before this node's index took its change (the bounded wait ran out), the next page says so
/// once: the document is saved and will appear in search shortly. Shown by the layout from TempData.
/// </summary>
public sealed class SearchNotice(IHttpContextAccessor http, ITempDataDictionaryFactory tempData) : IWriteNotice
{
    public const string Key = "SearchNotice";

    public const string Text = "已保存，稍后即可在搜索中找到。Saved: it will appear in search shortly.";

    /// <summary>Remembers the notice for the next page when <paramref name="indexed"/> is false.</summary>
    public void After(bool indexed)
    {
        if (!indexed && http.HttpContext is { } context)
        {
            tempData.GetTempData(context)[Key] = Text;
        }
    }
}
