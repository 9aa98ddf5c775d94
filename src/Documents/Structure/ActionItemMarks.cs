using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;

namespace KnowledgeHub.Documents;

/// <summary>
/// Ticks an action item in a version's Markdown: the n-th task-list item (1-based, in the order
/// <see cref="MarkdownStructure"/> lists action items) gets <c>[x]</c> in place of <c>[ ]</c>; nothing else in the text
/// changes. Same pipeline as the structure parse, plus source positions, so "the n-th item" means the same item.
/// </summary>
public static class ActionItemMarks
{
    private static readonly MarkdownPipeline WithPositions = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UseAdvancedExtensions()
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>
    /// The Markdown with item <paramref name="index"/> ticked, the same text when it was already ticked, or null when
    /// there is no such item (or the text is past the parser's caps, where no item is recognised either).
    /// </summary>
    public static string? MarkDone(string markdown, int index)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (index < 1 || MarkdownLimits.Check(markdown) is not null)
        {
            return null;
        }

        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, WithPositions);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }

        var task = document.Descendants<ListItemBlock>()
            .Select(item => item.FirstOrDefault() is ParagraphBlock { Inline.FirstChild: TaskList t } ? t : null)
            .OfType<TaskList>()
            .ElementAtOrDefault(index - 1);
        if (task is null)
        {
            return null;
        }

        if (task.Checked)
        {
            return markdown;
        }

        var start = task.Span.Start;
        return start >= 0 && start + 2 < markdown.Length && markdown[start] == '[' && markdown[start + 2] == ']'
            ? string.Concat(markdown.AsSpan(0, start + 1), "x", markdown.AsSpan(start + 2))
            : null;
    }
}
