using System.Security.Claims;
using KnowledgeHub.Portal.Authentication;

namespace KnowledgeHub.Portal.Tests;

public sealed class CallerClaimsTests
{
    private static readonly LocalUser Bob = new()
    {
        UserName = "bob",
        ObjectId = "b0b00000-0000-4000-8000-000000000002",
        Name = "陈波 Bob Chen",
        Roles = ["Contributor", "Reviewer"],
        Groups = ["0a5e0000-0000-4000-8000-00000000a001", "2e5ea2c4-0000-4000-8000-00000000a002"],
    };

    [Fact]
    public void A_local_user_gets_Entra_shaped_claims_one_per_role_and_group()
    {
        var principal = CallerClaims.ForLocalUser(Bob, "7e4a0000-0000-4000-8000-0000000000aa", "Cookies");

        Assert.Equal(Bob.ObjectId, principal.FindFirst("oid")!.Value);
        Assert.Equal("7e4a0000-0000-4000-8000-0000000000aa", principal.FindFirst("tid")!.Value);
        Assert.Equal("陈波 Bob Chen", principal.FindFirst("name")!.Value);
        Assert.Equal("bob", principal.FindFirst("preferred_username")!.Value);
        Assert.Equal(["Contributor", "Reviewer"], principal.FindAll("roles").Select(c => c.Value));
        Assert.Equal(2, principal.FindAll("groups").Count());
        Assert.True(principal.IsInRole("Reviewer"));
        Assert.Equal("陈波 Bob Chen", principal.Identity!.Name);
    }

    [Fact]
    public void The_caller_of_a_local_user_acts_as_everyone_the_user_their_groups_and_roles()
    {
        var caller = CallerClaims.ToCaller(CallerClaims.ForLocalUser(Bob, "t", "Cookies"))!;

        Assert.Equal(
            [
                "everyone",
                "user:b0b00000-0000-4000-8000-000000000002",
                "group:0a5e0000-0000-4000-8000-00000000a001",
                "group:2e5ea2c4-0000-4000-8000-00000000a002",
                "role:Contributor",
                "role:Reviewer",
            ],
            caller.Principals);
    }

    [Fact]
    public void Claims_mapped_to_the_long_Microsoft_names_give_the_same_caller()
    {
        var identity = new ClaimsIdentity(
            [
                new Claim("http://schemas.microsoft.com/identity/claims/objectidentifier", "da7e0000-0000-4000-8000-000000000004"),
                new Claim(ClaimTypes.Name, "周迪 Dave Zhou"),
                new Claim(ClaimTypes.Role, "Reader"),
            ],
            "OpenIdConnect");

        var caller = CallerClaims.ToCaller(new ClaimsPrincipal(identity))!;

        Assert.Equal("da7e0000-0000-4000-8000-000000000004", caller.ObjectId);
        Assert.Equal("周迪 Dave Zhou", caller.Name);
        Assert.Equal(["Reader"], caller.Roles);
    }

    [Fact]
    public void An_anonymous_principal_or_one_without_an_object_id_is_no_caller()
    {
        Assert.Null(CallerClaims.ToCaller(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.Null(CallerClaims.ToCaller(new ClaimsPrincipal(new ClaimsIdentity([new Claim("name", "x")], "Cookies"))));
    }
}
