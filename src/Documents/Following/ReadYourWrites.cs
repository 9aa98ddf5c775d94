using Microsoft.Extensions.Options;

namespace KnowledgeHub.Documents.Following;

/// <summary>
/// What a write does after its commit: wait, at most <see cref="FollowingOptions.WaitForChange"/>, for this node's
/// follower to pass every change this process has appended so far (its own included), so the writer finds its change
/// in search on the next page. Never fails the write: a timeout or a cancelled request only answers false.
/// </summary>
public sealed class ReadYourWrites(ChangeLog changeLog, ChangeFollower follower, IOptions<FollowingOptions> options)
{
    /// <summary>True when every view has taken the caller's change; false when the wait ended first.</summary>
    public async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await follower.WaitForAsync(changeLog.LastAppended, options.Value.WaitForChange, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The caller has gone: the change is committed and will be applied all the same.
            return false;
        }
    }
}
