namespace KnowledgeHub.Search.Extraction;

/// <summary>The text of an attachment, or why there is none. A failure is expected for hostile or damaged files: log it, index the rest.</summary>
public sealed record ExtractionResult(bool Succeeded, string Text, string? Error, bool Truncated = false)
{
    /// <summary>The failure lies with this installation (no extractor, it could not start), not with the file: worth trying again later.</summary>
    public bool Retryable { get; init; }

    public static ExtractionResult Success(string text, bool truncated = false) => new(true, text, null, truncated);

    /// <summary>The file could not be read (damaged, hostile, too slow): trying again gives the same answer.</summary>
    public static ExtractionResult Failure(string error) => new(false, "", error);

    public static ExtractionResult Unavailable(string error) => new(false, "", error) { Retryable = true };
}
