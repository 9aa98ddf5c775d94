using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Documents;

/// <summary>
/// Runs the <see cref="ContentImporter"/> once at start-up when <see cref="DocumentsOptions.ImportSamples"/>
/// is on. It finishes before the hosted services registered after it start (e.g. the index rebuild).
/// </summary>
public sealed partial class ContentImportService(ContentImporter importer, IOptions<DocumentsOptions> options, ILogger<ContentImportService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ImportSamples)
        {
            return;
        }

        var root = ContentRootLocator.Locate(options.Value.ContentRoot, AppContext.BaseDirectory);
        if (root is null)
        {
            LogNoContentFolder(AppContext.BaseDirectory);
            return;
        }

        await importer.ImportIfEmptyAsync(root, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No content folder found from {BaseDirectory} up to the repository root; set Documents:ContentRoot to import templates and samples")]
    private partial void LogNoContentFolder(string baseDirectory);
}
