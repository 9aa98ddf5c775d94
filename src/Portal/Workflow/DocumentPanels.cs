using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Authentication;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Workflow;

/// <summary>Loads a document as its page shows it, with its <see cref="DocumentPanel"/> (for the review page's answers).</summary>
public sealed class DocumentPanels(DocumentReader reader, ReviewLog reviews, IOptions<DirectoryOptions> directory, TimeProvider time)
{
    /// <summary>The document at the version readers see and its panel; null when it is missing or unreadable.</summary>
    public async Task<(DocumentView View, DocumentPanel Panel)?> LoadAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await reader.ReadAsync(id, null, caller, cancellationToken) is not { } view)
        {
            return null;
        }

        var trail = await reviews.ReadAsync(view.Manifest.Id, cancellationToken);
        return (view, DocumentPanel.Create(view, caller, trail, directory.Value, Today(time)));
    }

    /// <summary>Today as the UTC date: action items are overdue from the day after their due date, everywhere alike.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
    }
}
