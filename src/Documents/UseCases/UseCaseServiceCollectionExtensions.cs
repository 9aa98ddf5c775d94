using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeHub.Documents.UseCases;

public static class UseCaseServiceCollectionExtensions
{
    /// <summary>
    /// The application layer, scoped: create and save (<see cref="DocumentWriter"/>), review and history steps
    /// (<see cref="WorkflowActions"/>), access changes (<see cref="DocumentAccessManager"/>) and attachments
    /// (<see cref="AttachmentFiles"/>). Each decides access through <see cref="DocumentPolicy"/>, writes the audit record
    /// and owns what follows the commit (<see cref="Following.CommitFollowUp"/>). A host that shows notices registers its
    /// own <see cref="IWriteNotice"/> (scoped), before or after this call.
    /// </summary>
    public static IServiceCollection AddKnowledgeHubUseCases(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<IWriteNotice, NoWriteNotice>();
        services.TryAddScoped<DocumentWriter>();
        services.TryAddScoped<WorkflowActions>();
        services.TryAddScoped<DocumentAccessManager>();
        services.TryAddScoped<AttachmentFiles>();
        return services;
    }
}
