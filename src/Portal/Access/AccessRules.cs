using KnowledgeHub.Documents;

namespace KnowledgeHub.Portal.Access;

/// <summary>
/// The portal's names for rows of <see cref="DocumentPolicy"/> (the one policy table): who manages a document's
/// access, who may take a copy away; and where a document may appear.
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
        return DocumentPolicy.Allows(manifest, caller, DocumentAction.ManageAccess);
    }

    /// <summary>May the caller take a copy (Markdown or an attachment)? Only ever true when the caller may read.</summary>
    public static bool CanDownload(DocumentManifest manifest, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(caller);
        return DocumentPolicy.Allows(manifest, caller, DocumentAction.TakeAway);
    }

    /// <summary>The principals holding a download grant of a Restricted document: see the remarks.</summary>
    public static IReadOnlyList<string> DownloadGrants(DocumentManifest manifest) => DocumentPolicy.DownloadGrants(manifest);

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
}
