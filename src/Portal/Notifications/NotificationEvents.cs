using System.Security.Cryptography;
using System.Text;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.People;

namespace KnowledgeHub.Portal.Notifications;

/// <summary>
/// What a change means for people: a review step near the change's time (submit → the reviewers; request changes and
/// approve → the owner), and, for a saved version, each open action item that is new in it (→ its owner). The actor is
/// never notified of their own step. Every event has a key (document, step, version, time or item), so it is delivered once.
/// </summary>
public sealed class NotificationEvents(DocumentRepository documents, ReviewLog reviews, IDirectory directory, NotificationDispatcher dispatcher)
{
    /// <summary>How far a review entry's time may be from its change's time to count as that change's step.</summary>
    private static readonly TimeSpan StepWindow = TimeSpan.FromMinutes(2);

    public async Task HandleAsync(DocumentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!DocumentIds.IsValid(change.DocumentId) || await documents.GetManifestAsync(change.DocumentId, cancellationToken) is not { } manifest)
        {
            return;
        }

        // The manifest's last step is committed with the change; its review-log line is appended just after, so a
        // follower that reads the change at once may not find that line yet (a review request was then never sent).
        // The manifest's copy counts as well; the same step gives the same key, so it is delivered once either way.
        var logged = await reviews.ReadAsync(manifest.Id, cancellationToken);
        var steps = (manifest.LastReview is { } last ? logged.Append(last) : logged)
            .DistinctBy(e => (e.Version, e.Decision, e.By, e.Utc.UtcTicks));
        foreach (var step in steps.Where(e => (e.Utc - change.Utc).Duration() <= StepWindow))
        {
            await ReviewStepAsync(manifest, step, cancellationToken);
        }

        if (change.Kind is ChangeKinds.Created or ChangeKinds.Updated)
        {
            await ActionItemsAsync(manifest, change.Version, cancellationToken);
        }
    }

    private async Task ReviewStepAsync(DocumentManifest manifest, ReviewEntry step, CancellationToken cancellationToken)
    {
        var (kind, principals) = step.Decision switch
        {
            ReviewDecision.Submit => (NotificationKinds.ReviewRequested, step.Reviewers ?? manifest.Reviewers),
            ReviewDecision.RequestChanges => (NotificationKinds.ChangesRequested, [manifest.Owner]),
            ReviewDecision.Approve => (NotificationKinds.Approved, (IReadOnlyList<string>)[manifest.Owner]),
            _ => ("", []),
        };
        if (kind.Length == 0)
        {
            return;
        }

        var title = (await documents.GetVersionOfAsync(manifest, step.Version, cancellationToken))?.Title ?? manifest.Title;
        var key = $"{manifest.Id}/{kind}-v{step.Version}-{step.Utc.UtcTicks}";
        var notification = new Notification(key, step.Utc, kind, manifest.Id, title, step.ByName, Comment: step.Comment);
        foreach (var user in await UsersAsync(principals, cancellationToken))
        {
            if (!string.Equals(Caller.UserPrincipal(user), step.By, StringComparison.OrdinalIgnoreCase))
            {
                await dispatcher.DeliverAsync(notification, user, manifest, step.Version, cancellationToken);
            }
        }
    }

    private async Task ActionItemsAsync(DocumentManifest manifest, int version, CancellationToken cancellationToken)
    {
        if (await documents.GetStructureAsync(manifest.Id, version, cancellationToken) is not { } now
            || await documents.GetVersionOfAsync(manifest, version, cancellationToken) is not { } saved)
        {
            return;
        }

        var before = version > 1 ? await documents.GetStructureAsync(manifest.Id, version - 1, cancellationToken) : null;
        var known = (before?.ActionItems ?? []).Select(Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var item in now.ActionItems.Where(i => !i.Done && Handle(i.Owner) is not null && !known.Contains(Key(i))))
        {
            if (await UserOfHandleAsync(Handle(item.Owner)!, cancellationToken) is not { } user
                || string.Equals(Caller.UserPrincipal(user), saved.Author, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key(item).ToUpperInvariant())))[..16];
            var notification = new Notification($"{manifest.Id}/action-v{version}-{hash}", saved.CreatedUtc, NotificationKinds.ActionAssigned,
                manifest.Id, saved.Title, saved.AuthorName, ItemText: item.Text, Due: item.Due);
            await dispatcher.DeliverAsync(notification, user, manifest, version, cancellationToken);
        }
    }

    /// <summary>The user object ids behind principals: a user, a group's members, an app role's holders.</summary>
    private async Task<IReadOnlyList<string>> UsersAsync(IReadOnlyList<string> principals, CancellationToken cancellationToken)
    {
        var users = new List<string>();
        foreach (var principal in principals)
        {
            var (prefix, value) = principal.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
                ? (principal[..(colon + 1)], principal[(colon + 1)..])
                : ("", principal);
            users.AddRange(prefix switch
            {
                "user:" => [value],
                "group:" => await directory.MembersOfAsync(value, cancellationToken),
                "role:" => await directory.UsersInRoleAsync(value, cancellationToken),
                _ => [],
            });
        }

        return users.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The user an action item's <c>@handle</c> names: the one whose e-mail (or user name) starts with it.</summary>
    public async Task<string?> UserOfHandleAsync(string handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var found = await directory.SearchAsync(handle, 10, cancellationToken);
        var users = found.Where(e => e.Kind == EntryKinds.User
                && string.Equals(e.Detail.Split('@')[0], handle, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return users.Count == 1 ? users[0].Principal["user:".Length..] : null;
    }

    private static string Key(ActionItem item) => Handle(item.Owner) + "\n" + item.Text;

    private static string? Handle(string? owner)
    {
        var handle = owner?.Trim().TrimStart('@').Split('@')[0];
        return string.IsNullOrEmpty(handle) ? null : handle;
    }
}
