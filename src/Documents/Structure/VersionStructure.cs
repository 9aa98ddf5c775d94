namespace KnowledgeHub.Documents;

/// <summary>
/// The action items and lessons of one immutable version, parsed with <see cref="MarkdownStructure"/> when the
/// version is written and stored beside it at <c>docs/{id}/structure/{n}.json</c> (create-only, like the
/// version). It is derived data: <see cref="DocumentRepository.GetStructureAsync"/> recreates a missing one
/// (versions written before sidecars existed, or a write lost to a crash after the commit point).
/// </summary>
public sealed record VersionStructure(string DocumentId, int Version, IReadOnlyList<ActionItem> ActionItems, IReadOnlyList<Lesson> Lessons)
{
    /// <summary>Bumped when the parse changes, so older sidecars are parsed again rather than trusted.</summary>
    public const int CurrentSchema = 1;

    public int Schema { get; init; } = CurrentSchema;

    public static VersionStructure Of(DocumentVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var structure = MarkdownStructure.Parse(version.Markdown);
        return new VersionStructure(version.DocumentId, version.Number, structure.ActionItems, structure.Lessons);
    }
}

/// <summary>An action item as a document page shows it: <see cref="Overdue"/> when it is open and its due date has passed.</summary>
public sealed record ActionItemView(string Text, string? Owner, DateOnly? Due, bool Done, bool Overdue)
{
    public static ActionItemView Of(ActionItem item, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ActionItemView(item.Text, item.Owner, item.Due, item.Done, !item.Done && item.Due < today);
    }

    /// <summary>The open (unticked) items in document order, each marked overdue when due before <paramref name="today"/>.</summary>
    public static IReadOnlyList<ActionItemView> Open(IEnumerable<ActionItem> items, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Where(item => !item.Done).Select(item => Of(item, today)).ToList();
    }
}
