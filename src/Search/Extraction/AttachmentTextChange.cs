namespace KnowledgeHub.Search.Extraction;

/// <summary>
/// The change-log entry the extraction queue appends for each document that waited for an attachment's text, once
/// the text (or a permanent failure) is stored: the follower re-indexes the document, now with the text.
/// </summary>
public static class AttachmentTextChange
{
    /// <summary>The <see cref="KnowledgeHub.Documents.DocumentChange.Kind"/> of such an entry.</summary>
    public const string Kind = "attachment-text";
}
