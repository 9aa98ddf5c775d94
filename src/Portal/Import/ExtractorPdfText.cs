using System.Text.Json;
using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Import;
using KnowledgeHub.Search.Extraction;
using KnowledgeHub.Storage;

namespace KnowledgeHub.Portal.Import;

/// <summary>
/// PDF text for the import from the isolated extractor process. For a real import the PDF is stored content-addressed
/// first and read through <see cref="AttachmentTextSource"/>, which keeps the result: when the PDF is then attached, the
/// background extraction finds its text stored and the file is read once. A dry run extracts without storing anything.
/// </summary>
public sealed class ExtractorPdfText(IBlobStore store, AttachmentTextSource texts, AttachmentTextExtractor extractor, TimeProvider time) : IPdfTextReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PdfText> ReadAsync(ReadOnlyMemory<byte> pdf, string sha256, bool keep, CancellationToken cancellationToken)
    {
        ExtractionResult result;
        if (!keep)
        {
            result = await extractor.ExtractAsync(pdf, AttachmentKind.Pdf, cancellationToken);
        }
        else
        {
            await ImportContent.StoreAsync(store, sha256, pdf, cancellationToken);

            var info = new AttachmentInfo("import.pdf", AttachmentTypes.ContentType(AttachmentKind.Pdf), pdf.Length, sha256, time.GetUtcNow(), "");
            result = await texts.GetTextAsync(info, cancellationToken);
        }

        return result.Succeeded ? new PdfText(true, result.Text, null) : PdfText.Failure(result.Error ?? "the extractor gave no reason.");
    }

    /// <summary>Stored as <see cref="AttachmentTextSource"/> stores an extraction (create-only, web JSON), where it looks first.</summary>
    public async Task RememberAsync(string sha256, string text, CancellationToken cancellationToken)
    {
        try
        {
            await store.WriteAsync(AttachmentTextSource.Prefix + sha256 + ".json", JsonSerializer.SerializeToUtf8Bytes(ExtractionResult.Success(text), Json), WriteCondition.IfNotExists, cancellationToken);
        }
        catch (BlobConditionFailedException)
        {
            // Extracted already: the same content.
        }
    }
}
