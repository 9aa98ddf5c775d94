using System.Net;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Portal.Tests.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Access;

/// <summary>
/// The approval matrix (issue 8 row 2): role × how the user is named on the reviewer list of a submitted document →
/// the answer to pressing Approve (302 = published, 403 = refused with a sentence) and whether it was published.
/// "user" names the user, "group" a group they are in, "own-role" <c>role:{their role}</c>, "any-reviewer"
/// <c>role:Reviewer</c>; "author" is the owner naming themselves; "not-named" is on no list. Only the Reviewer role
/// (or Admin) decides; nobody but an Admin decides their own document.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    public const string ApprovalTable = """
        role         named         approve  published
        Reader       user          403      no
        Reader       group         403      no
        Reader       own-role      403      no
        Reader       any-reviewer  403      no
        Reader       not-named     403      no
        Reader       author        403      no
        Contributor  user          403      no
        Contributor  group         403      no
        Contributor  own-role      403      no
        Contributor  any-reviewer  403      no
        Contributor  author        403      no
        Reviewer     user          302      yes
        Reviewer     group         302      yes
        Reviewer     own-role      302      yes
        Reviewer     any-reviewer  302      yes
        Reviewer     not-named     403      no
        Reviewer     author        403      no
        Admin        not-named     302      yes
        Admin        author        302      yes
        """;

    public static TheoryData<string, string, string, string> ApprovalRows()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var line in ApprovalTable.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1))
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            data.Add(cells[0], cells[1], cells[2], cells[3]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ApprovalRows))]
    public async Task Only_a_reviewer_who_holds_the_Reviewer_role_and_is_not_the_author_approves(string role, string named, string approve, string published)
    {
        var number = 500 + ApprovalRows().Select(r => (string)r[0] + r[1]).ToList().IndexOf(role + named);
        var user = new TestUser(TestUser.Id(1, number), "approver-" + number, [role], [TestUser.Id(2, number)]);
        var author = named == "author" ? user : new TestUser(TestUser.Id(1, 0xfffe), "author", [AppRoles.Contributor], []);
        var reviewer = named switch
        {
            "user" or "author" => user.Principal,
            "group" => Caller.GroupPrincipal(user.Groups[0]),
            "own-role" => Caller.RolePrincipal(role),
            "any-reviewer" => Caller.RolePrincipal(AppRoles.Reviewer),
            _ => Caller.UserPrincipal(TestUser.Id(1, 0xfffd)),
        };
        var id = await SubmittedAsync("approval-" + number, author, reviewer);
        var client = portal.Host.ClientFor(user);

        var response = await WorkflowSteps.PostFormAsync(client, $"/Documents/{id}/Review?handler=Decide", new Dictionary<string, string> { ["Decision"] = "Approve", ["Comment"] = "ok" });
        var manifest = await portal.Host.Get<DocumentRepository>().GetManifestAsync(id, CancellationToken.None);

        Assert.Equal(approve, ((int)response.StatusCode).ToString());
        Assert.Equal(published == "yes" ? DocumentStatus.Published : DocumentStatus.InReview, manifest!.Status);
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            var page = await HtmlHelpers.GetDocumentAsync(response);
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[role='alert']")?.TextContent), "A refusal says why in a sentence.");
        }
    }

    private async Task<string> SubmittedAsync(string id, TestUser author, string reviewer)
    {
        var documents = portal.Host.Get<DocumentRepository>();
        await documents.CreateAsync(
            new NewDocument { Id = id, Type = "retrospective", Title = "Approval " + id, Markdown = "Approve me.\n", Collection = "Retrospectives" },
            author.Caller,
            CancellationToken.None);
        await documents.UpdateManifestAsync(
            id,
            m => m with
            {
                Status = DocumentStatus.InReview,
                Reviewers = [reviewer],
                LastReview = new ReviewEntry(1, author.Principal, author.Name, ReviewDecision.Submit, "", DateTimeOffset.UtcNow),
            },
            author.Caller,
            CancellationToken.None);
        return id;
    }
}
