namespace KnowledgeHub.Documents.Import;

/// <summary>The text of a PDF, or the sentence why there is none.</summary>
public sealed record PdfText(bool Succeeded, string Text, string? Error)
{
    public static PdfText Failure(string error) => new(false, "", error);
}

/// <summary>
/// Reads a PDF's text for the import. The portal's reader runs the isolated extractor process (and keeps the result
/// for the index, so the attached PDF is not read twice); without one (<see cref="NoPdfText"/>) PDFs are refused.
/// </summary>
public interface IPdfTextReader
{
    /// <param name="keep">False in a dry run: read, store nothing.</param>
    Task<PdfText> ReadAsync(ReadOnlyMemory<byte> pdf, string sha256, bool keep, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps <paramref name="text"/> as the extracted text of the attachment with content <paramref name="sha256"/> (a Word
    /// original the import has just converted), so the index does not send the file to the extractor again.
    /// </summary>
    Task RememberAsync(string sha256, string text, CancellationToken cancellationToken);
}

/// <summary>The default outside the portal: PDFs cannot be read, and the import says so.</summary>
public sealed class NoPdfText : IPdfTextReader
{
    public Task<PdfText> ReadAsync(ReadOnlyMemory<byte> pdf, string sha256, bool keep, CancellationToken cancellationToken) =>
        Task.FromResult(PdfText.Failure("PDF files cannot be imported here: the text extractor is not available."));

    public Task RememberAsync(string sha256, string text, CancellationToken cancellationToken) => Task.CompletedTask;
}
