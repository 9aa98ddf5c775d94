using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Extraction;

/// <summary>
/// The <see cref="IAttachmentTextProvider"/> the index uses once extraction is registered: the text of each
/// attachment the manifest lists, from <see cref="AttachmentTextSource"/> (extracted once per content, out of
/// process). Attachments that yield no text (images, damaged or hostile files) are left out.
/// </summary>
public sealed class ExtractedAttachmentTexts(AttachmentTextSource source) : IAttachmentTextProvider
{
    public async Task<IReadOnlyList<AttachmentText>> GetTextsAsync(DocumentManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var texts = new List<AttachmentText>();
        foreach (var attachment in manifest.Attachments)
        {
            var result = await source.GetTextAsync(attachment, cancellationToken);
            if (result.Succeeded && !string.IsNullOrWhiteSpace(result.Text))
            {
                texts.Add(new AttachmentText(attachment.Name, result.Text));
            }
        }

        return texts;
    }
}
