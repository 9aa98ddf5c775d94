using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace KnowledgeHub.Documents;

/// <summary>The one Markdig pipeline: advanced extensions and GitHub-style ids that keep Unicode letters.</summary>
internal static class MarkdownPipelines
{
    /// <summary>
    /// <c>UseAutoIdentifiers(GitHub)</c> is added before <c>UseAdvancedExtensions</c>: Markdig keeps the first
    /// extension of a type, and the advanced default would drop non-ASCII letters (a Chinese heading would
    /// lose its id).
    /// Raw HTML stays enabled on purpose: the templates carry their guidance as HTML comments, which
    /// must vanish from the page and from the index rather than show as text. Safety comes from
    /// <see cref="MarkdownSanitizer"/>, which every rendering passes through, not from the parser.
    /// </summary>
    public static readonly MarkdownPipeline Default = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseAdvancedExtensions()
        .Build();
}
