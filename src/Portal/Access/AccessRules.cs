using KnowledgeHub.Documents;

namespace KnowledgeHub.Portal.Access;

/// <summary>
/// The portal's rules on top of <see cref="DocumentAccess"/> (which alone decides read and edit): who manages a
/// document's access, who may download it, and where a document may appear.
/// </summary>
/// <remarks>
/// <para>
/// Download grants: an <see cref="Confidentiality.Internal"/> or <see cref="Confidentiality.Confidential"/> document
/// may be downloaded — its Markdown and its attachments — by everyone who may read it. A
/// <see cref="Confidentiality.Restricted"/> document needs an explicit grant. The manifest has no per-document grant
/// list yet, so the grant is held by the principals that may edit the document (owner, listed editors, Admins):
/// listed readers may read it on the page but not take a copy away. When grants are added to the manifest they
/// extend this set; nothing else changes.
/// </para>
/// <para>Restricted documents are never in feeds (the home page's recent documents) or previews (search snippets).</para>
/// </remarks>
public static class AccessRules
{
    /// <summary>Owners, editors and Admins change confidentiality, readers and editors (archived documents too: access is not content).</summary>
    public static bool CanManageAccess(DocumentManifest manifest, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(caller);
        return DocumentAccess.CanRead(manifest, caller) && HoldsAny(DocumentAccess.EditPrincipals(manifest), caller);
    }

    /// <summary>May the caller take a copy (Markdown or an attachment)? Only ever true when the caller may read.</summary>
    public static bool CanDownload(DocumentManifest manifest, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(caller);
        if (!DocumentAccess.CanRead(manifest, caller))
        {
            return false;
        }

        return manifest.Confidentiality != Confidentiality.Restricted || HoldsAny(DownloadGrants(manifest), caller);
    }

    /// <summary>The principals holding a download grant of a Restricted document: see the remarks.</summary>
    public static IReadOnlyList<string> DownloadGrants(DocumentManifest manifest) => DocumentAccess.EditPrincipals(manifest);

    /// <summary>May the document appear in lists that are pushed at people (recent documents)?</summary>
    public static bool ShowInFeeds(DocumentManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.Confidentiality != Confidentiality.Restricted;
    }

    /// <summary>May a search hit show a snippet of the text? Restricted hits show their title only.</summary>
    public static bool ShowPreview(DocumentManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.Confidentiality != Confidentiality.Restricted;
    }

    private static bool HoldsAny(IReadOnlyList<string> granted, Caller caller) =>
        caller.Principals.Any(p => granted.Contains(p, StringComparer.OrdinalIgnoreCase));
}
