using KnowledgeHub.Documents.Tests.Support;

namespace KnowledgeHub.Documents.Tests;

/// <summary>The one policy table (issue 8 row 2) as a table: who may take which action on a document in review.</summary>
public sealed class DocumentPolicyTests
{
    private static readonly Caller Owner = new() { ObjectId = "owner", Name = "Owner", Roles = [AppRoles.Contributor] };

    /// <summary>A reviewer with role R named as N: Reader and Contributor can never review or approve, however named.</summary>
    [Theory]
    [InlineData("Reader", "user", false, false)]
    [InlineData("Reader", "group", false, false)]
    [InlineData("Reader", "role:Reader", false, false)]
    [InlineData("Contributor", "user", false, false)]
    [InlineData("Reviewer", "user", true, true)]
    [InlineData("Reviewer", "group", true, true)]
    [InlineData("Reviewer", "role:Reviewer", true, true)]
    [InlineData("Reviewer", "nobody", false, false)]
    [InlineData("Admin", "nobody", true, true)]
    public void Only_the_Reviewer_role_reviews_and_approves(string role, string named, bool review, bool approve)
    {
        var caller = new Caller { ObjectId = "c1", Name = "C", Roles = [role], Groups = ["g1"] };
        var reviewer = named switch
        {
            "user" => caller.Principal,
            "group" => Caller.GroupPrincipal("g1"),
            "nobody" => "user:nobody",
            _ => named,
        };
        var manifest = InReview([reviewer]);

        Assert.Equal(review, DocumentPolicy.Allows(manifest, caller, DocumentAction.Review));
        Assert.Equal(approve, DocumentPolicy.Allows(manifest, caller, DocumentAction.Approve));
        Assert.Equal(approve, WorkflowRules.CheckPermission(manifest, caller, ReviewDecision.Approve) is null);
        Assert.Equal(review, DocumentAccess.CanReadVersion(manifest, caller, 2));
    }

    [Fact]
    public void A_reviewer_cannot_approve_their_own_document_but_an_Admin_can()
    {
        var reviewerOwner = new Caller { ObjectId = "owner", Name = "Owner", Roles = [AppRoles.Reviewer] };
        var adminOwner = new Caller { ObjectId = "owner", Name = "Owner", Roles = [AppRoles.Admin] };
        var manifest = InReview([reviewerOwner.Principal]);

        Assert.Equal("You cannot review your own document; ask another reviewer.", DocumentPolicy.Why(manifest, reviewerOwner, DocumentAction.Approve));
        Assert.Null(DocumentPolicy.Why(manifest, adminOwner, DocumentAction.Approve));
    }

    [Fact]
    public void A_Reader_named_as_reviewer_is_told_why_not()
    {
        var reader = new Caller { ObjectId = "r", Name = "R", Roles = [AppRoles.Reader] };

        Assert.Contains("Reviewer role", DocumentPolicy.Why(InReview([reader.Principal]), reader, DocumentAction.Approve), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("role:Reader")]
    [InlineData("role:Contributor")]
    public void A_role_that_cannot_review_is_refused_when_submitting(string reviewer) =>
        Assert.Contains("cannot review", WorkflowRules.ValidateReviewers([reviewer], Owner), StringComparison.Ordinal);

    [Fact]
    public void The_Reviewer_role_and_Admin_may_be_named_as_reviewing_roles()
    {
        Assert.Null(WorkflowRules.ValidateReviewers(["role:Reviewer"], Owner));
        Assert.Null(WorkflowRules.ValidateReviewers(["role:admin"], Owner));
    }

    [Fact]
    public void A_Restricted_copy_needs_a_download_grant_and_a_Confidential_one_only_reading()
    {
        var reader = new Caller { ObjectId = "r", Name = "R", Roles = [AppRoles.Reader] };
        var restricted = InReview([]) with { Confidentiality = Confidentiality.Restricted, Readers = [reader.Principal] };

        Assert.True(DocumentPolicy.Allows(restricted, reader, DocumentAction.Read));
        Assert.False(DocumentPolicy.Allows(restricted, reader, DocumentAction.TakeAway));
        Assert.True(DocumentPolicy.Allows(restricted with { Confidentiality = Confidentiality.Confidential }, reader, DocumentAction.TakeAway));
        Assert.True(DocumentPolicy.Allows(restricted, Owner, DocumentAction.TakeAway));
        Assert.False(DocumentPolicy.Allows(restricted, reader, DocumentAction.Administer));
        Assert.True(DocumentPolicy.Allows(restricted, People.Carol, DocumentAction.Administer));
    }

    private static DocumentManifest InReview(IReadOnlyList<string> reviewers) => new()
    {
        Id = "doc",
        Type = "retrospective",
        Title = "T",
        Owner = Owner.Principal,
        Status = DocumentStatus.InReview,
        CurrentVersion = 2,
        PublishedVersion = 1,
        Reviewers = reviewers,
        LastReview = new ReviewEntry(2, Owner.Principal, Owner.Name, ReviewDecision.Submit, "", DateTimeOffset.UnixEpoch),
    };
}
