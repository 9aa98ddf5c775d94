using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Documents;

/// <summary>
/// Imports the content folder once at start-up: its templates in every environment (create-only, so stored templates
/// win), and its sample documents into an empty store only when <see cref="DocumentsOptions.ImportSamples"/> says so —
/// by default in the Development environment only. It finishes before the hosted services registered after it start
/// (e.g. the index rebuild).
/// </summary>
public sealed partial class ContentImportService(
    ContentImporter importer, IOptions<DocumentsOptions> options, ILogger<ContentImportService> logger, IHostEnvironment? environment = null) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var root = ContentRootLocator.Locate(options.Value.ContentRoot, AppContext.BaseDirectory);
        if (root is null)
        {
            LogNoContentFolder(AppContext.BaseDirectory);
            return;
        }

        if (ImportsSamples(options.Value, environment))
        {
            await importer.ImportIfEmptyAsync(root, cancellationToken);
        }
        else
        {
            await importer.ImportTemplatesOnlyAsync(root, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The setting when given; otherwise true in Development (or with no host environment, as in tools) only.</summary>
    public static bool ImportsSamples(DocumentsOptions options, IHostEnvironment? environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ImportSamples ?? (environment is null || environment.IsDevelopment());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No content folder found next to the app in {BaseDirectory} nor above it up to the repository root; set Documents:ContentRoot to import templates and samples")]
    private partial void LogNoContentFolder(string baseDirectory);
}
