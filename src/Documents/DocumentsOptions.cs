using Microsoft.Extensions.Options;

namespace KnowledgeHub.Documents;

/// <summary>Settings of the <c>Documents</c> section.</summary>
public sealed class DocumentsOptions
{
    public const string SectionName = "Documents";

    /// <summary>
    /// The folder holding <c>templates/</c> and <c>samples/</c>. Empty: a <c>content</c> folder next to the
    /// app, else the nearest one found walking up from the app's base directory, stopping at the repository
    /// root (the folder with <c>KnowledgeHub.sln</c> or <c>.git</c>). See <see cref="ContentRootLocator"/>.
    /// </summary>
    public string? ContentRoot { get; set; }

    /// <summary>
    /// Import the sample documents into an empty store at start-up. Unset: only in the Development environment
    /// (a production store never fills with demo documents by accident). Templates are imported in every environment.
    /// </summary>
    public bool? ImportSamples { get; set; }
}

internal sealed class DocumentsOptionsValidator : IValidateOptions<DocumentsOptions>
{
    public ValidateOptionsResult Validate(string? name, DocumentsOptions options) =>
        !string.IsNullOrWhiteSpace(options.ContentRoot) && !Directory.Exists(Path.GetFullPath(options.ContentRoot))
            ? ValidateOptionsResult.Fail(
                $"Documents:ContentRoot is '{options.ContentRoot}', which is not a folder. Set it to the folder that holds templates/ and samples/, or leave it empty to use the repository's content folder.")
            : ValidateOptionsResult.Success;
}
