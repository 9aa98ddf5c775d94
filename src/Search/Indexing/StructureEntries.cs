using System.Globalization;
using KnowledgeHub.Documents;
using Lucene.Net.Documents;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace KnowledgeHub.Search;

/// <summary>Index entries for the lessons and action items of a document's Markdown (see <see cref="MarkdownStructure"/>).</summary>
internal static class StructureEntries
{
    /// <summary>A lesson: its text, and its document's days (<see cref="Querying.PeriodFields"/>), so "去年的经验" finds last year's lessons.</summary>
    public static LuceneDocument Lesson(DocumentManifest manifest, DocumentVersion version, Lesson lesson, int number)
    {
        var entry = EntryFields.Create(manifest, EntryKinds.Lesson, string.Create(CultureInfo.InvariantCulture, $"{manifest.Id}#lesson-{number}"));
        EntryFields.AddBody(entry, lesson.Text);
        Querying.PeriodFields.Add(entry, manifest, version);
        return entry;
    }

    public static LuceneDocument Action(DocumentManifest manifest, ActionItem item, int number)
    {
        var entry = EntryFields.Create(manifest, EntryKinds.Action, string.Create(CultureInfo.InvariantCulture, $"{manifest.Id}#action-{number}"));
        EntryFields.AddBody(entry, item.Text);
        if (!string.IsNullOrWhiteSpace(item.Owner))
        {
            entry.Add(new StringField(SearchFields.Assignee, Handle(item.Owner), Field.Store.YES));
        }

        if (item.Due is { } due)
        {
            entry.Add(new StoredField(SearchFields.Due, (long)due.DayNumber));
        }

        entry.Add(new NumericDocValuesField(SearchFields.Due, item.Due?.DayNumber ?? long.MaxValue));
        entry.Add(new StringField(SearchFields.Done, item.Done ? "true" : "false", Field.Store.YES));
        entry.Add(new NumericDocValuesField(SearchFields.Done, item.Done ? 1 : 0));
        return entry;
    }

    /// <summary>An <c>@handle</c> as stored and queried: without '@', trimmed, lower-cased, cut to <see cref="EntryFields.MaxKeywordLength"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1308", Justification = "Handles are compared in lower case.")]
    public static string Handle(string owner) => EntryFields.Keyword(owner.Trim().TrimStart('@').ToLowerInvariant());
}
