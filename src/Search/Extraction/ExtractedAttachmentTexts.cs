using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Extraction;

/// <summary>
/// The <see cref="IAttachmentTextProvider"/> the index uses once extraction is registered. It never extracts: it
/// gives the texts already stored (<see cref="AttachmentTextSource.GetStoredAsync"/>) and queues every attachment
/// whose text is missing on the <see cref="ExtractionQueue"/>, which re-announces the document once the text is
/// there. Attachments that yield no text (images, damaged or hostile files) are left out.
/// </summary>
public sealed class ExtractedAttachmentTexts(AttachmentTextSource source, ExtractionQueue queue) : IAttachmentTextProvider
{
    public async Task<IReadOnlyList<AttachmentText>> GetTextsAsync(DocumentManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var texts = new List<AttachmentText>();
        foreach (var attachment in manifest.Attachments)
        {
            if (attachment.Kind is null or AttachmentKind.Png or AttachmentKind.Jpeg)
            {
                continue;
            }

            if (await source.GetStoredAsync(attachment, cancellationToken) is not { } result)
            {
                await queue.EnqueueAsync(attachment, manifest.Id, manifest.CurrentVersion, cancellationToken);
            }
            else if (result.Succeeded && !string.IsNullOrWhiteSpace(result.Text))
            {
                texts.Add(new AttachmentText(attachment.Name, result.Text));
            }
        }

        return texts;
    }
}
