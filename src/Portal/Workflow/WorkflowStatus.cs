using KnowledgeHub.Documents;

namespace KnowledgeHub.Portal.Workflow;

/// <summary>HTTP status codes of workflow and attachment outcomes, in one place.</summary>
public static class WorkflowStatus
{
    public static int Of(WorkflowResult result) => result switch
    {
        WorkflowResult.Done => StatusCodes.Status200OK,
        WorkflowResult.NotFound => StatusCodes.Status404NotFound,
        WorkflowResult.Forbidden => StatusCodes.Status403Forbidden,
        WorkflowResult.Invalid => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status409Conflict,
    };

    public static int Of(AttachmentResult result) => result switch
    {
        AttachmentResult.Added => StatusCodes.Status201Created,
        AttachmentResult.NotFound => StatusCodes.Status404NotFound,
        AttachmentResult.Forbidden => StatusCodes.Status403Forbidden,
        AttachmentResult.TooLarge => StatusCodes.Status413PayloadTooLarge,
        AttachmentResult.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        AttachmentResult.Busy => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };
}
