using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Authentication;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Tests.Access;

public sealed class PrincipalDirectoryTests
{
    private static readonly PrincipalDirectory Directory = new(Options.Create(new DirectoryOptions
    {
        LocalUsers = [new LocalUser { UserName = "alice", ObjectId = "A11CE000-0000-4000-8000-000000000001", Name = "王丽 Alice Wang" }],
        Groups = new(StringComparer.OrdinalIgnoreCase) { ["2e5ea2c4-0000-4000-8000-00000000a002"] = "研究组 Research" },
    }));

    [Theory]
    [InlineData("alice", "user:a11ce000-0000-4000-8000-000000000001")]
    [InlineData("ALICE", "user:a11ce000-0000-4000-8000-000000000001")]
    [InlineData("b0b00000-0000-4000-8000-000000000002", "user:b0b00000-0000-4000-8000-000000000002")]
    [InlineData("user:B0B00000-0000-4000-8000-000000000002", "user:b0b00000-0000-4000-8000-000000000002")]
    [InlineData("group:2e5ea2c4-0000-4000-8000-00000000a002", "group:2e5ea2c4-0000-4000-8000-00000000a002")]
    [InlineData("研究组 Research", "group:2e5ea2c4-0000-4000-8000-00000000a002")]
    [InlineData("role:reviewer", "role:Reviewer")]
    [InlineData("  role:Admin  ", "role:Admin")]
    public void An_entry_becomes_its_principal(string entry, string principal)
    {
        var list = Directory.Parse(entry);

        Assert.Empty(list.Errors);
        Assert.Equal([principal], list.Principals);
    }

    [Theory]
    [InlineData("carol")]
    [InlineData("user:alice")]
    [InlineData("group:research")]
    [InlineData("role:Owner")]
    [InlineData("everyone")]
    [InlineData("tenant:7e4a0000-0000-4000-8000-0000000000aa")]
    public void An_entry_that_is_not_a_principal_is_one_error_sentence(string entry)
    {
        var list = Directory.Parse("alice\n" + entry);

        Assert.Equal(["user:a11ce000-0000-4000-8000-000000000001"], list.Principals);
        Assert.Contains($"“{entry}”", Assert.Single(list.Errors));
    }

    [Fact]
    public void Lines_commas_and_Chinese_commas_separate_entries_and_duplicates_are_dropped()
    {
        var list = Directory.Parse("alice, role:Reader，\r\nalice；user:a11ce000-0000-4000-8000-000000000001\n\n");

        Assert.Equal(["user:a11ce000-0000-4000-8000-000000000001", "role:Reader"], list.Principals);
    }

    [Fact]
    public void A_demo_user_is_written_back_by_user_name_and_anything_else_as_the_principal()
    {
        Assert.Equal("alice", Directory.ToInput("user:a11ce000-0000-4000-8000-000000000001"));
        Assert.Equal("group:2e5ea2c4-0000-4000-8000-00000000a002", Directory.ToInput("group:2e5ea2c4-0000-4000-8000-00000000a002"));
    }
}
