using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;

namespace KnowledgeHub.Documents;

/// <summary>
/// What a document says, from the same Markdig parse as the rendering: its sections, its action items
/// (<c>- [ ] text @owner due:YYYY-MM-DD</c>, anywhere) and its lessons (list items under a heading that
/// names lessons: "Lessons", "Lessons learned", "经验教训", "教训", bilingual headings included).
/// </summary>
public sealed partial record MarkdownStructure(IReadOnlyList<Section> Sections, IReadOnlyList<ActionItem> ActionItems, IReadOnlyList<Lesson> Lessons)
{
    /// <summary>
    /// Set when the text was not parsed — past <see cref="MarkdownLimits"/>, or refused by Markdig — and says why;
    /// then there are no sections, action items or lessons (the text is plain text). <see cref="Parse(string)"/> never throws.
    /// </summary>
    public MarkdownLimitExceeded? Degraded { get; init; }

    public static MarkdownStructure Parse(string markdown) => Parse(markdown, MarkdownPipelines.Default);

    internal static MarkdownStructure Parse(string markdown, Markdig.MarkdownPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (MarkdownLimits.Check(markdown) is { } exceeded)
        {
            return Unparsed(exceeded);
        }

        try
        {
            return Of(Markdig.Markdown.Parse(markdown, pipeline));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Markdig's depth limit ("too deeply nested"), or whatever else it refuses: plain text, never a failure.
            return Unparsed(MarkdownLimitExceeded.ParserRefused);
        }
    }

    internal static MarkdownStructure Unparsed(MarkdownLimitExceeded reason) => new([], [], []) { Degraded = reason };

    /// <param name="document">The parsed text.</param>
    /// <param name="sectionTexts">
    /// False for the index, which reads only lessons and action items: sections keep their titles and levels but not
    /// their text (rendering every section's text again, once per nesting level, was a twentieth of indexing English).
    /// </param>
    internal static MarkdownStructure Of(MarkdownDocument document, bool sectionTexts = true)
    {
        var blocks = document.ToList();
        var sections = new List<Section>();
        var lessons = new SortedDictionary<int, List<Lesson>>();

        // Open headings (index into blocks, index into sections), innermost last: a heading closes those of its level or deeper.
        var open = new List<(int Block, int Section, int Level)>();
        void Close(int until, int level)
        {
            while (open.Count > 0 && open[^1].Level >= level)
            {
                var (block, section, _) = open[^1];
                open.RemoveAt(open.Count - 1);
                var lessonsHeading = IsLessonsHeading(sections[section].Title);
                if (!sectionTexts && !lessonsHeading)
                {
                    continue;
                }

                var body = blocks.GetRange(block + 1, until - block - 1);
                sections[section] = sections[section] with { Text = MarkdownText.OfBlocks(body) };
                if (lessonsHeading)
                {
                    lessons[section] = [.. body.OfType<ListBlock>().SelectMany(list => list.OfType<ListItemBlock>())
                        .Select(item => MarkdownText.OfBlocks(item).Replace('\n', ' '))
                        .Where(text => text.Length > 0)
                        .Select(text => new Lesson(text))];
                }
            }
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is HeadingBlock heading)
            {
                Close(i, heading.Level);
                open.Add((i, sections.Count, heading.Level));
                sections.Add(new Section(heading.Inline is null ? "" : MarkdownText.OfInline(heading.Inline), heading.Level, ""));
            }
        }

        Close(blocks.Count, int.MinValue);
        var actions = document.Descendants<ListItemBlock>()
            .Select(ToActionItem)
            .OfType<ActionItem>()
            .ToList();
        return new MarkdownStructure(sections, actions, lessons.Values.SelectMany(l => l).Distinct().ToList());
    }

    /// <summary>True for a heading that names lessons, in English or Chinese.</summary>
    public static bool IsLessonsHeading(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return title.Contains("教训", StringComparison.Ordinal) || LessonsWord().IsMatch(title);
    }

    private static ActionItem? ToActionItem(ListItemBlock item)
    {
        if (item.FirstOrDefault() is not ParagraphBlock { Inline: { } inline } || inline.FirstChild is not TaskList task)
        {
            return null;
        }

        var text = MarkdownText.OfInline(inline);
        string? owner = null;
        DateOnly? due = null;
        var ownerMatch = OwnerPattern().Match(text);
        if (ownerMatch.Success)
        {
            owner = ownerMatch.Groups["owner"].Value;
            text = text.Remove(ownerMatch.Index, ownerMatch.Length);
        }

        var dueMatch = DuePattern().Match(text);
        if (dueMatch.Success && DateOnly.TryParseExact(dueMatch.Groups["due"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            due = date;
            text = text.Remove(dueMatch.Index, dueMatch.Length);
        }

        return new ActionItem(WhiteSpace().Replace(text, " ").Trim(), owner, due, task.Checked);
    }

    [GeneratedRegex(@"\blessons?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LessonsWord();

    [GeneratedRegex(@"(?<![\w@])@(?<owner>[\p{L}\p{N}_][\p{L}\p{N}_.\-]*[\p{L}\p{N}_]|[\p{L}\p{N}_])", RegexOptions.CultureInvariant)]
    private static partial Regex OwnerPattern();

    [GeneratedRegex(@"(?<!\w)due:\s*(?<due>\d{4}-\d{2}-\d{2})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DuePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

/// <summary>A heading, its level (1–6) and the plain text under it up to the next heading of the same or a higher level.</summary>
public sealed record Section(string Title, int Level, string Text);

/// <summary>A task-list item; <see cref="Owner"/> is the <c>@name</c> without the '@', <see cref="Due"/> from <c>due:YYYY-MM-DD</c>.</summary>
public sealed record ActionItem(string Text, string? Owner, DateOnly? Due, bool Done);

/// <summary>One list item of a lessons section, as plain text.</summary>
public sealed record Lesson(string Text);
