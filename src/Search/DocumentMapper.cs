using KnowledgeHub.Documents;
using Lucene.Net.Documents;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace KnowledgeHub.Search;

/// <summary>
/// Turns a manifest and the version its readers see into index entries (<see cref="SearchFields"/>): the
/// document (with its attachment texts), then one entry per lesson and per action item of its Markdown.
/// The title indexed is the version's, so a pending draft's new title stays out of search until approved.
/// </summary>
public sealed class DocumentMapper(MarkdownRenderer markdown)
{
    /// <summary>The document entry alone, without attachments.</summary>
    public LuceneDocument Map(DocumentManifest manifest, DocumentVersion version) => Map(manifest, version, []);

    /// <summary>
    /// The document entry: its text, and each non-empty attachment text with the file's name — except for a
    /// <see cref="Confidentiality.Restricted"/> document, whose attachments need a grant beyond reading: their text
    /// is not indexed, so a search cannot reveal what they contain. The entry carries the <see cref="SearchFields.Stamp"/>
    /// of <paramref name="manifest"/> as given (before the version's title replaces the manifest's).
    /// </summary>
    public LuceneDocument Map(DocumentManifest manifest, DocumentVersion version, IReadOnlyList<AttachmentText> attachments)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(attachments);
        var document = EntryFields.Create(AsOf(manifest, version), EntryKinds.Document, manifest.Id);
        document.Add(new StoredField(SearchFields.Stamp, ManifestStamp.Of(manifest)));
        EntryFields.AddBody(document, markdown.ToPlainText(version.Markdown));
        var searchable = manifest.Confidentiality == Confidentiality.Restricted ? [] : attachments;
        foreach (var attachment in searchable.Where(a => !string.IsNullOrWhiteSpace(a.Text)))
        {
            document.Add(new TextField(SearchFields.AttachmentText, attachment.Text, Field.Store.YES));
            document.Add(new TextField(SearchFields.AttachmentTextCjk, attachment.Text, Field.Store.NO));
            document.Add(new StoredField(SearchFields.AttachmentNames, attachment.FileName));
        }

        return document;
    }

    /// <summary>Every entry of the document: the document first, then its lessons and its action items.</summary>
    public IReadOnlyList<LuceneDocument> MapEntries(DocumentManifest manifest, DocumentVersion version, IReadOnlyList<AttachmentText>? attachments = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(version);
        var structure = markdown.GetStructure(version.Markdown);
        var document = Map(manifest, version, attachments ?? []);
        var asOf = AsOf(manifest, version);
        return
        [
            document,
            .. structure.Lessons.Select((lesson, i) => StructureEntries.Lesson(asOf, lesson, i + 1)),
            .. structure.ActionItems.Select((item, i) => StructureEntries.Action(asOf, item, i + 1)),
        ];
    }

    private static DocumentManifest AsOf(DocumentManifest manifest, DocumentVersion version) =>
        manifest.Title == version.Title ? manifest : manifest with { Title = version.Title };
}
