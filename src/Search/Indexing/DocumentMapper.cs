using KnowledgeHub.Documents;
using Lucene.Net.Documents;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace KnowledgeHub.Search;

/// <summary>
/// Turns a manifest and the version its readers see into index entries (<see cref="SearchFields"/>): the
/// document (with its attachment texts), then one entry per lesson and per action item of its Markdown.
/// The title indexed is the version's, so a pending draft's new title stays out of search until approved.
/// Nothing a user writes makes it throw or makes Lucene refuse its entries: Markdown past the caps or refused by the
/// parser is indexed as plain text (its entry says why in <see cref="DegradedField"/>), tokens and keywords are
/// bounded (<see cref="SearchAnalyzer.MaxTokenLength"/>, <see cref="MaxKeywordLength"/>), and
/// <see cref="MapDegraded"/> is the last resort when anything else fails.
/// </summary>
public sealed class DocumentMapper(MarkdownRenderer markdown)
{
    /// <summary>
    /// Stored only, on a document entry indexed without its Markdown's structure: the sentence saying why. Such an entry
    /// is also marked with <see cref="SearchFields.Degraded"/>, so the admin page lists it after a restart too.
    /// </summary>
    public const string DegradedField = SearchFields.DegradedReason;

    /// <summary>The longest keyword value (tag, collection, type, @handle) indexed, in UTF-16 characters; longer ones are cut.</summary>
    public const int MaxKeywordLength = 256;

    /// <summary>Lessons indexed per document at most, and as many action items: a text of 100,000 items stays one document's worth.</summary>
    public const int MaxStructureEntries = 1_000;

    /// <summary>The document entry alone, without attachments.</summary>
    public LuceneDocument Map(DocumentManifest manifest, DocumentVersion version) => Map(manifest, version, []);

    /// <summary>
    /// The document entry: its text, and each non-empty attachment text with the file's name — except for a
    /// <see cref="Confidentiality.Restricted"/> document, whose attachments need a grant beyond reading: their text
    /// is not indexed, so a search cannot reveal what they contain. The synchronizer adds the <see cref="SearchFields.Stamp"/>
    /// (the manifest blob's ETag, which only a read of the blob knows).
    /// </summary>
    public LuceneDocument Map(DocumentManifest manifest, DocumentVersion version, IReadOnlyList<AttachmentText> attachments)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(attachments);
        var text = markdown.PlainText(version.Markdown);
        return DocumentEntry(manifest, version, attachments, text.Text, text.Degraded?.Message);
    }

    /// <summary>
    /// Every entry of the document: the document first, then its lessons and its action items (each at most
    /// <see cref="MaxStructureEntries"/>). <paramref name="typeNames"/> (the type's names in its template) are added to
    /// every entry's <see cref="SearchFields.Type"/> terms, not to its facet values, so <c>type:复盘</c> selects what
    /// <c>type:retrospective</c> does while the facet still counts by key.
    /// </summary>
    public IReadOnlyList<LuceneDocument> MapEntries(
        DocumentManifest manifest, DocumentVersion version, IReadOnlyList<AttachmentText>? attachments = null, IReadOnlyList<string>? typeNames = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(version);
        var (text, structure) = markdown.ForIndex(version.Markdown);
        var document = DocumentEntry(manifest, version, attachments ?? [], text.Text, text.Degraded?.Message);
        var asOf = AsOf(manifest, version);
        LuceneDocument[] entries =
        [
            document,
            .. structure.Lessons.Take(MaxStructureEntries).Select((lesson, i) => StructureEntries.Lesson(asOf, version, lesson, i + 1)),
            .. structure.ActionItems.Take(MaxStructureEntries).Select((item, i) => StructureEntries.Action(asOf, item, i + 1)),
        ];
        foreach (var name in typeNames ?? [])
        {
            var term = EntryFields.Keyword(name);
            foreach (var entry in entries)
            {
                entry.Add(new StringField(SearchFields.Type, term, Field.Store.NO));
            }
        }

        return entries;
    }

    /// <summary>
    /// The last resort when <see cref="MapEntries"/> or the IndexWriter refuses a document: one document entry with its
    /// metadata and its Markdown as unparsed plain text (<see cref="MarkdownRenderer.ToUnparsedText"/>) — no structure,
    /// no lessons or action items — and <paramref name="reason"/> stored in <see cref="DegradedField"/>. Parses nothing,
    /// and every token and keyword is bounded, so Lucene accepts it.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Called on the mapper beside MapEntries.")]
    public IReadOnlyList<LuceneDocument> MapDegraded(DocumentManifest manifest, DocumentVersion version, IReadOnlyList<AttachmentText>? attachments, string reason)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(reason);
        return [DocumentEntry(manifest, version, attachments ?? [], MarkdownRenderer.ToUnparsedText(version.Markdown), reason)];
    }

    private static LuceneDocument DocumentEntry(DocumentManifest manifest, DocumentVersion version, IReadOnlyList<AttachmentText> attachments, string text, string? degraded)
    {
        var document = EntryFields.Create(AsOf(manifest, version), EntryKinds.Document, manifest.Id);
        WorkflowFields.Add(document, manifest);
        EntryFields.AddBody(document, text);
        Querying.PeriodFields.Add(document, manifest, version);
        var searchable = manifest.Confidentiality == Confidentiality.Restricted ? [] : attachments;
        foreach (var attachment in searchable.Where(a => !string.IsNullOrWhiteSpace(a.Text)))
        {
            document.Add(new TextField(SearchFields.AttachmentText, attachment.Text, Field.Store.YES));
            document.Add(new TextField(SearchFields.AttachmentTextCjk, attachment.Text, Field.Store.NO));
            document.Add(new StoredField(SearchFields.AttachmentNames, attachment.FileName));
        }

        if (degraded is not null)
        {
            document.Add(new StoredField(DegradedField, degraded));
            document.Add(new StringField(SearchFields.Degraded, "true", Field.Store.NO));
            document.Add(new StoredField(SearchFields.DegradedVersion, version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return document;
    }

    private static DocumentManifest AsOf(DocumentManifest manifest, DocumentVersion version) =>
        manifest.Title == version.Title ? manifest : manifest with { Title = version.Title };
}
