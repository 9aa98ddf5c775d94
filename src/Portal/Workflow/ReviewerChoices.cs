using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Authentication;

namespace KnowledgeHub.Portal.Workflow;

/// <summary>One reviewer the submit form offers: a principal, how it is shown, its kind (<c>User</c>, <c>Group</c>, <c>Role</c> or empty), and whether it is ticked.</summary>
public sealed record ReviewerChoice(string Principal, string Name, string Kind, bool Selected);

/// <summary>
/// Who can be asked to review: the configured users with the Reviewer role (never the submitter), every
/// configured group, and "any reviewer" (<c>role:Reviewer</c>). With Entra ID and no local users, groups and the
/// role remain. The document's previous reviewers are ticked, and offered even when not configured.
/// </summary>
public static class ReviewerChoices
{
    /// <summary>The name of <c>role:Reviewer</c> in the list; the page shows it in the UI language.</summary>
    public const string AnyReviewer = "AnyReviewer";

    public static IReadOnlyList<ReviewerChoice> For(DirectoryOptions directory, DocumentManifest manifest, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(caller);
        var chosen = new HashSet<string>(manifest.Reviewers, StringComparer.OrdinalIgnoreCase);
        var offered = new List<(string Principal, string Name, string Kind)>();
        offered.AddRange(directory.LocalUsers
            .Where(u => u.Roles.Contains(AppRoles.Reviewer, StringComparer.OrdinalIgnoreCase) && !string.IsNullOrEmpty(u.ObjectId))
            .Select(u => (Caller.UserPrincipal(u.ObjectId), u.Name, "User"))
            .Where(u => !string.Equals(u.Item1, caller.Principal, StringComparison.OrdinalIgnoreCase)));
        offered.AddRange(directory.Groups.Select(g => (Caller.GroupPrincipal(g.Key), g.Value, "Group")));
        offered.Add((Caller.RolePrincipal(AppRoles.Reviewer), AnyReviewer, "Role"));
        offered.AddRange(manifest.Reviewers
            .Where(r => !offered.Any(o => string.Equals(o.Principal, r, StringComparison.OrdinalIgnoreCase)))
            .Select(r => (r, directory.DisplayPrincipal(r), "")));
        return offered
            .DistinctBy(o => o.Principal, StringComparer.OrdinalIgnoreCase)
            .Select(o => new ReviewerChoice(o.Principal, o.Name, o.Kind, chosen.Contains(o.Principal)))
            .ToList();
    }
}
