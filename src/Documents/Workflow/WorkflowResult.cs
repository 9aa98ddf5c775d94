namespace KnowledgeHub.Documents;

/// <summary>
/// The outcome of a workflow step (<see cref="DocumentWorkflow"/>, <see cref="DocumentHistory.RestoreVersionAsync"/>).
/// Every refusal carries a sentence for the user in <see cref="Message"/>. Suggested HTTP mapping for the portal:
/// Done → 200/303, NotFound → 404, Forbidden → 403, Invalid → 400, InvalidTransition and NotConformant → 409.
/// </summary>
public abstract record WorkflowResult
{
    private WorkflowResult()
    {
    }

    /// <summary>The sentence to show, null when the step was done.</summary>
    public abstract string? Message { get; }

    /// <summary>Done; <see cref="Manifest"/> is the stored manifest after the step.</summary>
    public sealed record Done(DocumentManifest Manifest) : WorkflowResult
    {
        public override string? Message => null;
    }

    /// <summary>No such document, or the caller may not read it (the two look the same).</summary>
    public sealed record NotFound(string Id) : WorkflowResult
    {
        public override string Message => "The document does not exist or you may not see it.";
    }

    public sealed record Forbidden(string Reason) : WorkflowResult
    {
        public override string Message => Reason;
    }

    /// <summary>The request itself is wrong (no reviewer, a comment missing or too long).</summary>
    public sealed record Invalid(string Reason) : WorkflowResult
    {
        public override string Message => Reason;
    }

    /// <summary>The step is not possible in the document's current state (or the document changed meanwhile).</summary>
    public sealed record InvalidTransition(string Reason, DocumentStatus Status) : WorkflowResult
    {
        public override string Message => Reason;
    }

    /// <summary>Submitting was refused: the current version does not satisfy its template.</summary>
    public sealed record NotConformant(ConformanceReport Report) : WorkflowResult
    {
        public override string Message =>
            "The document does not follow its template yet: " + string.Join("; ", Report.Problems.Select(p => p.Message)) + ".";
    }
}
