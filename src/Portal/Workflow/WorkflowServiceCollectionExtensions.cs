using KnowledgeHub.Portal.Workflow;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the portal's root namespace, next to AddKnowledgeHubPortal, so the composition root needs no extra using.
namespace KnowledgeHub.Portal;

/// <summary>The page services of review, history and attachments.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DocumentPanels"/> (scoped). The use cases behind the pages (workflow steps, attachments) are
    /// the documents library's (<c>AddKnowledgeHubDocuments</c>). Safe to call twice.
    /// </summary>
    public static IServiceCollection AddPortalWorkflow(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<DocumentPanels>();
        return services;
    }
}
