using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Tests;

/// <summary>Hits and totals only ever come from documents the caller may read.</summary>
public sealed class AccessTrimmingTests : IAsyncLifetime
{
    private readonly SearchHost host = SearchHost.Create();

    public async Task InitializeAsync()
    {
        await host.AddAsync(new TestDoc("open-retro", "竞品复盘 internal", "所有人可读的竞品复盘"), TestCallers.Alice, catchUp: false);
        await host.AddAsync(
            new TestDoc("research-only", "竞品复盘 research", "研究组的竞品复盘") { Confidentiality = Confidentiality.Confidential, Readers = [Caller.GroupPrincipal(TestCallers.ResearchGroup)] },
            TestCallers.Bob,
            catchUp: false);
        await host.AddAsync(
            new TestDoc("alice-private", "竞品复盘 alice", "王丽自己的竞品复盘") { Confidentiality = Confidentiality.Confidential },
            TestCallers.Alice,
            catchUp: false);
        await host.AddAsync(
            new TestDoc("dave-restricted", "竞品复盘 dave", "只给周迪的竞品复盘") { Confidentiality = Confidentiality.Restricted, Readers = [TestCallers.Dave.Principal] },
            TestCallers.Carol,
            catchUp: false);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("alice", "alice-private open-retro")]
    [InlineData("bob", "open-retro research-only")]
    [InlineData("dave", "dave-restricted open-retro")]
    [InlineData("carol", "alice-private dave-restricted open-retro research-only")]
    public void A_user_sees_only_readable_hits_and_the_total_counts_only_those(string user, string expected)
    {
        var results = host.Search("竞品复盘", TestCallers.ByName(user), pageSize: 100);

        Assert.Equal(expected.Split(' '), results.Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
        Assert.Equal(results.Hits.Count, results.Total);
    }

    /// <summary>
    /// A quoted query that finds nothing says what its words find: counted in readable documents only, and a word only
    /// unreadable documents have is named as in no document, as a word nobody wrote is.
    /// </summary>
    [Fact]
    public void What_a_quoted_query_s_words_would_find_counts_readable_documents_only()
    {
        var bob = Assert.Single(host.Search("\"复盘 研究组\"", TestCallers.Bob).Notes);
        var alice = Assert.Single(host.Search("\"复盘 研究组\"", TestCallers.Alice).Notes);

        Assert.Equal((QueryNoteKind.AsTypedFoundNothing, 1, 0), (bob.Kind, bob.Count, bob.Words.Count));
        Assert.Equal((QueryNoteKind.AsTypedFoundNothing, 0), (alice.Kind, alice.Count));
        Assert.Equal(["研究组"], alice.Words);
    }

    [Fact]
    public void A_user_with_no_readable_match_gets_zero_hits_not_an_error()
    {
        var stranger = new Caller { ObjectId = "00000000-0000-4000-8000-0000000000ff", Name = "Stranger" };

        var results = host.Search("研究组", stranger);

        Assert.Equal(0, results.Total);
        Assert.Empty(results.Hits);
    }

    [Fact]
    public void Query_syntax_cannot_widen_access()
    {
        Assert.DoesNotContain("research-only", host.Ids("研究组 OR acl:everyone OR *:*", TestCallers.Dave));
        Assert.DoesNotContain("research-only", host.Ids("-nothing", TestCallers.Dave));
    }

    [Fact]
    public async Task A_permission_change_is_reflected_after_catch_up()
    {
        Assert.DoesNotContain("research-only", host.Ids("竞品复盘", TestCallers.Dave));

        await host.Repository.UpdateManifestAsync(
            "research-only",
            m => m with { Readers = [.. m.Readers, TestCallers.Dave.Principal] },
            TestCallers.Bob,
            CancellationToken.None);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);
        Assert.Contains("research-only", host.Ids("竞品复盘", TestCallers.Dave));

        await host.Repository.UpdateManifestAsync("research-only", m => m with { Readers = [] }, TestCallers.Bob, CancellationToken.None);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);
        Assert.DoesNotContain("research-only", host.Ids("竞品复盘", TestCallers.Dave));
        Assert.Contains("research-only", host.Ids("竞品复盘", TestCallers.Bob));
    }

    [Fact]
    public async Task Making_a_document_internal_opens_it_to_every_signed_in_user()
    {
        await host.Repository.UpdateManifestAsync("alice-private", m => m with { Confidentiality = Confidentiality.Internal }, TestCallers.Alice, CancellationToken.None);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);

        Assert.Contains("alice-private", host.Ids("竞品复盘", TestCallers.Dave));
    }
}
