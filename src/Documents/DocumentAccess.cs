namespace KnowledgeHub.Documents;

/// <summary>
/// The one place that decides who may read or edit a document. Pages, downloads, the API and the
/// search index (through <see cref="ReadPrincipals"/>) all ask here.
/// </summary>
public static class DocumentAccess
{
    /// <summary>The principals any one of which grants read access; the index stores exactly these.</summary>
    public static IReadOnlyList<string> ReadPrincipals(DocumentManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Confidentiality == Confidentiality.Internal)
        {
            return [Caller.Everyone];
        }

        return
        [
            manifest.Owner,
            Caller.RolePrincipal(AppRoles.Admin),
            .. manifest.Readers,
            .. manifest.Editors,
        ];
    }

    /// <summary>The principals any one of which grants edit access.</summary>
    public static IReadOnlyList<string> EditPrincipals(DocumentManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return [manifest.Owner, Caller.RolePrincipal(AppRoles.Admin), .. manifest.Editors];
    }

    public static bool CanRead(DocumentManifest manifest, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Intersects(ReadPrincipals(manifest), caller.Principals);
    }

    public static bool CanEdit(DocumentManifest manifest, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return manifest.Status != DocumentStatus.Archived
            && Intersects(EditPrincipals(manifest), caller.Principals);
    }

    /// <summary>
    /// May the caller see version <paramref name="number"/>? Readers see versions up to
    /// <see cref="DocumentManifest.ReaderVersion"/> (a newer draft of a published document stays hidden from
    /// them until it is approved); the owner, editors, Admins and listed reviewers holding the Reviewer role see every
    /// version (<see cref="DocumentPolicy.SeesDrafts"/>).
    /// </summary>
    public static bool CanReadVersion(DocumentManifest manifest, Caller caller, int number)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(caller);
        if (!CanRead(manifest, caller) || number < 1 || number > manifest.CurrentVersion)
        {
            return false;
        }

        return number <= manifest.ReaderVersion || DocumentPolicy.SeesDrafts(manifest, caller);
    }

    /// <summary>Who may create documents at all.</summary>
    public static bool CanCreate(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsInRole(AppRoles.Contributor) || caller.IsInRole(AppRoles.Admin);
    }

    private static bool Intersects(IReadOnlyList<string> granted, IReadOnlyList<string> held)
    {
        foreach (var principal in held)
        {
            if (granted.Contains(principal, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
