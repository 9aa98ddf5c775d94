using Lucene.Net.Search;

namespace KnowledgeHub.Search;

/// <summary>
/// A document hit for display: stored fields, the highlighted title and a snippet — from the body, or when only
/// an attachment matched, from the first matching attachment, naming its file in <see cref="SearchHit.MatchedAttachment"/>.
/// </summary>
internal sealed class SearchHitReader(SnippetHighlighter highlighter)
{
    private static readonly HashSet<string> HitFields = new(StringComparer.Ordinal)
    {
        SearchFields.DocId, SearchFields.Title, SearchFields.Body, SearchFields.Type, SearchFields.Status, SearchFields.Updated,
    };

    private static readonly HashSet<string> AttachmentFields = new(StringComparer.Ordinal) { SearchFields.AttachmentText, SearchFields.AttachmentNames };

    public SearchHit Read(IndexSearcher searcher, ScoreDoc scoreDoc, Query query)
    {
        var entry = StoredEntry.Load(searcher, scoreDoc.Doc, HitFields);
        var title = entry.Title;
        var body = entry.Body;
        var snippet = highlighter.BodyMatch(body, query);
        string? attachment = null;
        if (snippet is null)
        {
            (attachment, snippet) = AttachmentMatch(StoredEntry.Load(searcher, scoreDoc.Doc, AttachmentFields), query);
        }

        return new SearchHit(
            DocumentId: entry.DocumentId,
            Title: title,
            TitleHtml: highlighter.Title(title, query),
            Type: entry.Type,
            Status: entry.Status,
            UpdatedUtc: entry.UpdatedUtc,
            SnippetHtml: snippet ?? SnippetHighlighter.Leading(body),
            Score: scoreDoc.Score)
        {
            MatchedAttachment = attachment,
            IndexDoc = scoreDoc.Doc,
        };
    }

    private (string? FileName, string? Snippet) AttachmentMatch(StoredEntry entry, Query query)
    {
        var texts = entry.Document.GetValues(SearchFields.AttachmentText, System.Globalization.CultureInfo.InvariantCulture);
        var names = entry.Document.GetValues(SearchFields.AttachmentNames, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < texts.Length && i < names.Length; i++)
        {
            if (highlighter.Match(SearchFields.AttachmentText, SearchFields.AttachmentTextCjk, texts[i], query, whole: false) is { } snippet)
            {
                return (names[i], snippet);
            }
        }

        return (null, null);
    }
}
