using KnowledgeHub.Documents.Tests.Support;

namespace KnowledgeHub.Documents.Tests;

/// <summary>The lifecycle and permission rules as tables.</summary>
public sealed class WorkflowRulesTests
{
    [Theory]
    [InlineData(DocumentStatus.Draft, null, 1, ReviewDecision.Submit, null)]
    [InlineData(DocumentStatus.Published, 2, 3, ReviewDecision.Submit, null)]
    [InlineData(DocumentStatus.Published, 3, 3, ReviewDecision.Submit, "Version 3 is already published; save a change before submitting it for review.")]
    [InlineData(DocumentStatus.InReview, null, 2, ReviewDecision.Submit, "The document is already in review.")]
    [InlineData(DocumentStatus.Archived, 2, 2, ReviewDecision.Submit, "The document is archived; restore it before submitting it for review.")]
    [InlineData(DocumentStatus.InReview, null, 2, ReviewDecision.Approve, null)]
    [InlineData(DocumentStatus.Draft, null, 2, ReviewDecision.Approve, "Only a document in review can be approved; this one is a draft.")]
    [InlineData(DocumentStatus.Published, 2, 2, ReviewDecision.Approve, "Only a document in review can be approved; this one is published.")]
    [InlineData(DocumentStatus.InReview, 1, 2, ReviewDecision.RequestChanges, null)]
    [InlineData(DocumentStatus.Archived, 1, 1, ReviewDecision.RequestChanges, "Changes can only be requested on a document in review; this one is archived.")]
    [InlineData(DocumentStatus.Draft, null, 1, ReviewDecision.Archive, null)]
    [InlineData(DocumentStatus.Published, 1, 1, ReviewDecision.Archive, null)]
    [InlineData(DocumentStatus.InReview, null, 1, ReviewDecision.Archive, "The document is in review; approve it or request changes before archiving it.")]
    [InlineData(DocumentStatus.Archived, 1, 1, ReviewDecision.Archive, "The document is already archived.")]
    [InlineData(DocumentStatus.Archived, 1, 1, ReviewDecision.Restore, null)]
    [InlineData(DocumentStatus.Published, 1, 1, ReviewDecision.Restore, "Only an archived document can be restored; this one is published.")]
    public void Each_step_is_possible_only_from_its_states(DocumentStatus status, int? published, int current, ReviewDecision step, string? refusal)
    {
        var manifest = Manifest(status, published, current);

        Assert.Equal(refusal, WorkflowRules.CheckTransition(manifest, step));
    }

    [Theory]
    [InlineData(DocumentStatus.Draft, null, ReviewDecision.Submit, DocumentStatus.InReview, null)]
    [InlineData(DocumentStatus.InReview, null, ReviewDecision.Approve, DocumentStatus.Published, 2)]
    [InlineData(DocumentStatus.InReview, null, ReviewDecision.RequestChanges, DocumentStatus.Draft, null)]
    [InlineData(DocumentStatus.InReview, 1, ReviewDecision.RequestChanges, DocumentStatus.Published, 1)]
    [InlineData(DocumentStatus.Published, 1, ReviewDecision.Archive, DocumentStatus.Archived, 1)]
    [InlineData(DocumentStatus.Archived, 1, ReviewDecision.Restore, DocumentStatus.Published, 1)]
    [InlineData(DocumentStatus.Archived, null, ReviewDecision.Restore, DocumentStatus.Draft, null)]
    public void Each_step_leads_to_its_state(DocumentStatus from, int? published, ReviewDecision step, DocumentStatus to, int? publishedAfter)
    {
        var entry = new ReviewEntry(2, People.Bob.Principal, People.Bob.Name, step, "ok", DateTimeOffset.UnixEpoch);

        var next = WorkflowRules.Apply(Manifest(from, published, 2), entry);

        Assert.Equal(to, next.Status);
        Assert.Equal(publishedAfter, next.PublishedVersion);
        Assert.Equal(entry, next.LastReview);
    }

    public static TheoryData<string, Caller, string[], ReviewDecision, bool> Permissions => new()
    {
        { "the owner submits", People.Alice, [], ReviewDecision.Submit, true },
        { "a reviewer who is not an editor submits", People.Bob, [], ReviewDecision.Submit, false },
        { "an admin archives", People.Carol, [], ReviewDecision.Archive, true },
        { "a reader restores", People.Dave, [], ReviewDecision.Restore, false },
        { "a listed user approves", People.Bob, ["user:" + People.Bob.ObjectId], ReviewDecision.Approve, true },
        { "a member of a listed group approves", People.Bob, [People.ResearchGroup], ReviewDecision.Approve, true },
        { "a holder of a listed role requests changes", People.Bob, ["role:Reviewer"], ReviewDecision.RequestChanges, true },
        { "an unlisted reader approves", People.Dave, [People.ResearchGroup], ReviewDecision.Approve, false },
        { "the listed owner approves her own document", People.Alice, ["user:" + People.Alice.ObjectId], ReviewDecision.Approve, false },
        { "an unlisted admin approves", People.Carol, [People.ResearchGroup], ReviewDecision.Approve, true },
    };

    [Theory]
    [MemberData(nameof(Permissions))]
    public void Who_may_take_a_step(string because, Caller caller, string[] reviewers, ReviewDecision step, bool allowed)
    {
        var manifest = Manifest(DocumentStatus.InReview, null, 1) with { Reviewers = reviewers };

        Assert.True(allowed == (WorkflowRules.CheckPermission(manifest, caller, step) is null), because);
    }

    [Fact]
    public void The_submitter_may_not_review_her_own_submission_even_when_listed()
    {
        var manifest = Manifest(DocumentStatus.InReview, null, 2) with
        {
            Editors = ["user:" + People.Bob.ObjectId],
            Reviewers = ["user:" + People.Bob.ObjectId, People.ResearchGroup],
            LastReview = new ReviewEntry(2, People.Bob.Principal, People.Bob.Name, ReviewDecision.Submit, "", DateTimeOffset.UnixEpoch),
        };

        Assert.Equal("You cannot review your own document; ask another reviewer.", WorkflowRules.CheckPermission(manifest, People.Bob, ReviewDecision.Approve));
    }

    [Theory]
    [InlineData(new string[0], "Choose at least one reviewer: a user with the Reviewer role, or a group.")]
    [InlineData(new[] { "bob" }, "'bob' is not a reviewer; name a user (user:{id}), a group (group:{id}) or a role (role:{name}).")]
    [InlineData(new[] { "user:a11ce000-0000-4000-8000-000000000001" }, "Choose a reviewer other than yourself.")]
    [InlineData(new[] { "user:b0b00000-0000-4000-8000-000000000002", "group:0a5e0000-0000-4000-8000-00000000a001" }, null)]
    public void A_reviewer_list_must_name_principals_other_than_the_submitter(string[] reviewers, string? refusal)
    {
        Assert.Equal(refusal, WorkflowRules.ValidateReviewers(reviewers, People.Alice));
    }

    internal static DocumentManifest Manifest(DocumentStatus status, int? published, int current) => new()
    {
        Id = "retro-rules",
        Type = "retrospective",
        Title = "复盘",
        Owner = People.Alice.Principal,
        Status = status,
        PublishedVersion = published,
        CurrentVersion = current,
    };
}
