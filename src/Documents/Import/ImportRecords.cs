namespace KnowledgeHub.Documents.Import;

/// <summary>The kinds of file a bulk import reads (decided from the name, then checked against the bytes).</summary>
public enum ImportFileKind
{
    Markdown,
    Docx,
    Pdf,
}


/// <summary>What the caller chose for the whole batch; each document's own front matter wins over these.</summary>
public sealed record ImportDefaults
{
    /// <summary>A template key; null: from front matter, else guessed from the headings.</summary>
    public string? Type { get; init; }

    public string? Collection { get; init; }

    public Confidentiality? Confidentiality { get; init; }

    public IReadOnlyList<string> Readers { get; init; } = [];

    public IReadOnlyList<string> Editors { get; init; } = [];

    /// <summary>Tags added to every document, besides the folder names.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>
    /// Applied to each document whose front matter sets none of confidentiality, readers and editors, before it is
    /// created (the portal adds its collection's access defaults here, as the editor does).
    /// </summary>
    public Func<NewDocument, NewDocument>? AccessDefaults { get; init; }

    /// <summary>List what each file would become; write nothing.</summary>
    public bool DryRun { get; init; }
}

public enum ImportOutcome
{
    /// <summary>Dry run: the file would be imported as described.</summary>
    WouldImport,

    Imported,

    /// <summary>The same content (or the same document id) is already in the store.</summary>
    Skipped,

    Failed,
}

/// <summary>What became (or would become) of one file.</summary>
public sealed record ImportItem(string Path, ImportOutcome Outcome, string? Message)
{
    public ImportFileKind? Kind { get; init; }

    public string? Title { get; init; }

    public string? Type { get; init; }

    /// <summary>True when the type was guessed from the headings.</summary>
    public bool TypeGuessed { get; init; }

    public string? DocumentId { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public int Attachments { get; init; }

    /// <summary>What does not conform to the type's template (missing fields, empty sections).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The document's files that could not be attached to it (the document was imported without them).</summary>
    public IReadOnlyList<NotAttachedFile> NotAttached { get; init; } = [];
}

/// <summary>A file of an imported document's <c>{name}.files/</c> folder that was not attached, and the attachment rule's sentence why.</summary>
public sealed record NotAttachedFile(string Name, string Reason);

/// <summary>The end of a batch: every file's line and the counts.</summary>
public sealed record ImportReport(bool DryRun, IReadOnlyList<ImportItem> Items, TimeSpan Elapsed)
{
    public int Count(ImportOutcome outcome) => Items.Count(i => i.Outcome == outcome);
}

/// <summary>A batch that cannot be read at all (a damaged zip, a zip bomb, no such folder): nothing was imported.</summary>
public sealed class ImportRefusedException : Exception
{
    public ImportRefusedException()
        : base("The import was refused.")
    {
    }

    public ImportRefusedException(string message)
        : base(message)
    {
    }

    public ImportRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
