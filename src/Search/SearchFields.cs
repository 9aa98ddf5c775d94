namespace KnowledgeHub.Search;

/// <summary>
/// The index's field names. <see cref="SchemaVersion"/> is stored with every commit; change it whenever
/// a field's meaning or analysis changes, and the next start rebuilds the index from storage.
/// Every entry (a document, or one of its lessons or action items: <see cref="Kind"/>) carries its document's
/// <see cref="DocId"/>, title, facet fields, <see cref="Updated"/> and <see cref="Acl"/>.
/// </summary>
public static class SearchFields
{
    /// <summary>
    /// 2: entries for lessons and action items, owner names, tag words, attachment text.
    /// 3: no term vectors on <see cref="Body"/> (snippets analyse windows of the stored text); text without Chinese
    /// tokenized directly (same tokens as SmartCn, except that SmartCn cut words at its 1,024-character buffer edges).
    /// 4: <see cref="Stamp"/> on document entries, so reconciliation can tell a stale entry from a current one.
    /// 5: <see cref="Stamp"/> is the manifest blob's ETag (reconciliation compares a listing, reads no manifest);
    /// <see cref="Degraded"/> entries; <see cref="Status"/> is the status readers are shown; the workflow fields of the
    /// home page; tokens over 255 characters cut.
    /// 6: every analyzed field normalized (NFKC, CJK radical forms, traditional → simplified Chinese).
    /// 7: the days a document is about (<see cref="Querying.PeriodFields"/>), for time words in queries.
    /// 8: lesson entries carry their document's days too, so time words find lessons; <see cref="Type"/> also holds the
    /// type's names in its template as terms (not facet values), so <c>type:复盘</c> selects retrospectives.
    /// 9: segments written with <see cref="SearchCodec"/> (stored fields in 4 KB chunks); rebuilt so every segment has them.
    /// 10: invisible format characters (soft hyphens, zero-width spaces and joiners…) dropped from analyzed text, so a word
    /// with one inside is indexed as the word.
    /// 11: a character outside the Basic Multilingual Plane (emoji, CJK Extension B…) is one token, not two halves that
    /// Lucene wrote as U+FFFD each (<see cref="Analysis.SurrogatePairFilter"/>).
    /// 12: 著, 乾 and 藉 folded to 着, 干 and 借 (<see cref="Analysis.TraditionalSimplifiedPairs.Shared"/>), so traditional
    /// 意味著 finds simplified 意味着.
    /// 13: the other apostrophes (’, ‘, ʼ: <see cref="Analysis.TextNormalizer.IsApostrophe"/>) folded to <c>'</c>, so the bigram
    /// shadows hold team’s and team's as one word.
    /// </summary>
    public const int SchemaVersion = 13;

    /// <summary>The entry id (StringField, stored): the document id, or <c>{id}#lesson-{n}</c> / <c>{id}#action-{n}</c>.</summary>
    public const string Id = "id";

    /// <summary>The document an entry belongs to (StringField, stored); a document's entries are replaced and deleted by <c>Term("doc_id", id)</c>.</summary>
    public const string DocId = "doc_id";

    /// <summary><see cref="EntryKinds"/>: document, lesson or action.</summary>
    public const string Kind = "kind";

    public const string Type = "type";
    public const string Status = "status";
    public const string Collection = "collection";
    public const string Tags = "tags";

    /// <summary>The tags as words (SmartCn, not stored), so "frequency cap" finds the tag frequency-cap.</summary>
    public const string TagsText = "tags_text";

    /// <summary>The owner's principal, lower-cased (<see cref="Principal"/>).</summary>
    public const string Owner = "owner";

    /// <summary>The owner's display name, stored and analyzed with CJK bigrams, for <c>owner:王丽</c> / <c>owner:alice</c>.</summary>
    public const string OwnerName = "owner_name";

    /// <summary>Creation year (UTC), for a year facet.</summary>
    public const string Year = "year";

    /// <summary>Last update as Unix milliseconds: stored, indexed as a long and as NumericDocValues for sorting.</summary>
    public const string Updated = "updated";

    /// <summary>The principals that may read the document, lower-cased (<see cref="Principal"/>).</summary>
    public const string Acl = "acl";

    /// <summary>SmartCn-analyzed (Chinese words, English lower-cased and Porter-stemmed).</summary>
    public const string Title = "title";

    /// <summary>SmartCn-analyzed plain text, stored (snippets are highlighted from it).</summary>
    public const string Body = "body";

    /// <summary>CJK bigram shadow of <see cref="Title"/>, for words the SmartCn dictionary does not know.</summary>
    public const string TitleCjk = "title_cjk";

    /// <summary>CJK bigram shadow of <see cref="Body"/>; not stored.</summary>
    public const string BodyCjk = "body_cjk";

    /// <summary>Attachment texts, one stored value per attachment in the order of <see cref="AttachmentNames"/> (SmartCn).</summary>
    public const string AttachmentText = "att_text";

    /// <summary>CJK bigram shadow of <see cref="AttachmentText"/>; not stored.</summary>
    public const string AttachmentTextCjk = "att_text_cjk";

    /// <summary>
    /// True for the CJK bigram shadows a query searches only for words that may hold CJK text (<see cref="MayHoldCjk"/>):
    /// <see cref="BodyCjk"/> and <see cref="AttachmentTextCjk"/>. For other words such a shadow holds the word where its
    /// SmartCn field does (unstemmed), so searching it doubled the cost of every English word over the longest postings;
    /// its field counts twice instead (<see cref="ShadowWeight"/>), which keeps English and Chinese words in balance.
    /// <see cref="TitleCjk"/> is still searched for every word: titles are short, and the exact word form in a title
    /// ranks a known item first (without it English Success@1 fell from 0.993 to 0.977 on the search benchmark).
    /// Spelling suggestions and typeahead read the English words indexed in the shadows.
    /// </summary>
    public static bool IsCjkOnlyShadow(string field) => field is BodyCjk or AttachmentTextCjk;

    /// <summary>
    /// The boost factor of <paramref name="field"/> for a word without CJK text: <see cref="ShadowWeight"/> for the SmartCn
    /// fields whose shadow <see cref="IsCjkOnlyShadow"/> leaves out, 1 for the others.
    /// </summary>
    public static float WeightWithoutShadow(string field) => field is Body or AttachmentText ? ShadowWeight : 1f;

    /// <summary>
    /// The boost factor of a SmartCn field searched without its shadow: a word matched both, with about the same score
    /// in each, so its field alone counts for two (a Chinese word still scores on both).
    /// </summary>
    public const float ShadowWeight = 2f;

    /// <summary>
    /// False when no character of <paramref name="text"/> can become a CJK character under the analyzers' normalization:
    /// everything below U+2E80 (Latin, digits, punctuation, symbols) stays outside the CJK blocks, while radicals, fullwidth
    /// forms, surrogate pairs (extension ideographs) and every block above may be or become CJK.
    /// </summary>
    public static bool MayHoldCjk(string text) => text.AsSpan().IndexOfAnyInRange('\u2E80', '\uFFFF') >= 0;

    /// <summary>Stored only: the file name of each indexed attachment text.</summary>
    public const string AttachmentNames = "att_names";

    /// <summary>Action items: the <c>@handle</c>, lower-cased, without '@' (StringField, stored).</summary>
    public const string Assignee = "assignee";

    /// <summary>Action items: the due day as <see cref="DateOnly.DayNumber"/> (stored; NumericDocValues, <see cref="long.MaxValue"/> when none).</summary>
    public const string Due = "due";

    /// <summary>Action items: "true"/"false" (StringField, stored) and 1/0 as NumericDocValues for sorting.</summary>
    public const string Done = "done";

    /// <summary>
    /// Document entries only, stored and not indexed: the ETag of the manifest blob the entry was built from, as a
    /// listing of <c>docs/</c> shows it. Reconciliation re-indexes a document whose manifest no longer has this stamp.
    /// </summary>
    public const string Stamp = "stamp";

    /// <summary>"true" on the entry of a document indexed degraded (metadata and plain text only); indexed, not stored.</summary>
    public const string Degraded = "degraded";

    /// <summary>Stored only: why a degraded document could not be indexed whole.</summary>
    public const string DegradedReason = "degraded_reason";

    /// <summary>Stored only: the version a degraded entry was made from.</summary>
    public const string DegradedVersion = "degraded_version";

    /// <summary>Fields with SortedSetDocValues, for facet counts.</summary>
    public static IReadOnlyList<string> Facets { get; } = [Type, Collection, Tags, Owner, Status, Year];

    /// <summary>The one normalization of a principal, used when indexing and when filtering.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1308", Justification = "Principals are ASCII ids; lower case is the stored form.")]
    public static string Principal(string principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Trim().ToLowerInvariant();
    }
}

/// <summary>The values of <see cref="SearchFields.Kind"/>.</summary>
public static class EntryKinds
{
    public const string Document = "document";
    public const string Lesson = "lesson";
    public const string Action = "action";
}
