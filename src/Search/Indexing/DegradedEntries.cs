using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KnowledgeHub.Documents;
using Lucene.Net.Documents;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace KnowledgeHub.Search;

/// <summary>
/// The last resort for a document the mapper or Lucene refused: one document entry with its metadata and plain text,
/// built so that Lucene cannot refuse it — no Markdown parsing, every keyword cut to <see cref="MaxKeywordChars"/>,
/// words longer than <see cref="MaxWordChars"/> and control characters dropped, the text cut to <see cref="MaxTextChars"/>.
/// It carries <see cref="SearchFields.Degraded"/> and the reason, so the admin page lists it after a restart too.
/// </summary>
internal static partial class DegradedEntries
{
    public const int MaxKeywordChars = 200;
    public const int MaxWordChars = 100;
    public const int MaxTextChars = 2_000_000;

    public static LuceneDocument Create(StoredManifest stored, DocumentVersion? version, IReadOnlyList<AttachmentText> attachments, string reason)
    {
        var manifest = stored.Manifest;
        var safe = manifest with
        {
            Id = manifest.Id,
            Title = Text(version?.Title ?? manifest.Title, MaxKeywordChars),
            Type = Keyword(manifest.Type),
            Collection = Keyword(manifest.Collection),
            Owner = Keyword(manifest.Owner),
            OwnerName = Text(manifest.OwnerName, MaxKeywordChars),
            Tags = [.. manifest.Tags.Select(Keyword).Where(t => t.Length > 0).Take(50)],
            // Over-long principals are left out, never cut: a cut one could match another principal.
            Readers = [.. manifest.Readers.Where(p => p.Length <= MaxKeywordChars)],
            Editors = [.. manifest.Editors.Where(p => p.Length <= MaxKeywordChars)],
        };
        var entry = EntryFields.Create(safe, EntryKinds.Document, manifest.Id);
        var body = new StringBuilder(Text(version?.Markdown ?? "", MaxTextChars));
        if (manifest.Confidentiality != Confidentiality.Restricted)
        {
            foreach (var attachment in attachments)
            {
                body.Append('\n').Append(Text(attachment.Text, MaxTextChars));
            }
        }

        EntryFields.AddBody(entry, body.ToString());
        SetStamp(entry, stored.ETag);
        WorkflowFields.Add(entry, safe);
        entry.Add(new StringField(SearchFields.Degraded, "true", Field.Store.NO));
        entry.Add(new StoredField(SearchFields.DegradedReason, Text(reason, 1_000)));
        entry.Add(new StoredField(SearchFields.DegradedVersion, (version?.Number ?? manifest.ReaderVersion).ToString(CultureInfo.InvariantCulture)));
        return entry;
    }

    /// <summary>Sets the document entry's <see cref="SearchFields.Stamp"/> to the manifest blob's ETag.</summary>
    public static void SetStamp(LuceneDocument entry, string etag)
    {
        entry.RemoveFields(SearchFields.Stamp);
        entry.Add(new StoredField(SearchFields.Stamp, etag));
    }

    /// <summary>A sentence for the admin page: what was refused, without a stack trace.</summary>
    public static string Reason(Exception exception)
    {
        var message = exception.Message.Split('\n')[0].Trim();
        return Text($"{exception.GetType().Name}: {message}", 500);
    }

    /// <summary>Plain text Lucene takes: no control characters or lone surrogates, no word past <see cref="MaxWordChars"/>, at most <paramref name="max"/> characters.</summary>
    public static string Text(string value, int max)
    {
        ArgumentNullException.ThrowIfNull(value);
        var cut = value.Length > max ? value[..max] : value;
        var clean = new StringBuilder(cut.Length);
        for (var i = 0; i < cut.Length; i++)
        {
            var c = cut[i];
            if (char.IsHighSurrogate(c) && i + 1 < cut.Length && char.IsLowSurrogate(cut[i + 1]))
            {
                clean.Append(c).Append(cut[++i]);
            }
            else if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\n' or '\t')))
            {
                clean.Append(' ');
            }
            else
            {
                clean.Append(c);
            }
        }

        return LongWord().Replace(clean.ToString(), " ");
    }

    private static string Keyword(string value) => Text(value ?? "", MaxKeywordChars).Trim();

    /// <summary>A run of letters or digits (other than CJK, which the segmenter cuts into words) past <see cref="MaxWordChars"/>.</summary>
    [GeneratedRegex(@"[^\s\p{P}\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]{100,}")]
    private static partial Regex LongWord();
}
