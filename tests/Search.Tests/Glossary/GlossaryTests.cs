using KnowledgeHub.Documents;
using KnowledgeHub.Search.Glossary;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Search.Tests.Glossary;

/// <summary>The glossary document: its table read as term groups, and only its published version expanding queries.</summary>
public sealed class GlossaryTests
{
    private const string Table = """
        ## 用途 Purpose

        Words the team uses.

        ## 术语 Terms

        | 中文 | English | 其他说法 |
        |---|---|---|
        | 袋鼠 | kangaroo | **roo**；跳跳兽 |
        | 单独 | |
        """;

    [Fact]
    public void Each_table_row_is_a_group_and_the_header_is_not()
    {
        var groups = GlossaryParser.Parse(Table);

        var group = Assert.Single(groups);
        Assert.Equal(["袋鼠", "kangaroo", "roo", "跳跳兽"], group);
    }

    [Fact]
    public void Terms_are_looked_up_in_any_case_width_and_chinese_script()
    {
        var glossary = new TermGlossary(GlossaryParser.Parse(Table));

        Assert.Contains("袋鼠", glossary.SynonymsOf("ＫＡＮＧＡＲＯＯ"));
        Assert.Empty(glossary.SynonymsOf("单独"));
        Assert.Contains("kangaroo", new TermGlossary([["会员日", "kangaroo"]]).SynonymsOf("會員日"));
        Assert.Contains("kangaroo", new TermGlossary([["會員日", "kangaroo"]]).SynonymsOf("会员日"));
    }

    [Fact]
    public async Task Only_a_published_glossary_version_expands_queries_and_a_new_one_is_picked_up_when_published()
    {
        await using var host = SearchHost.Create();
        await host.AddAsync(new TestDoc("roo-doc", "Field notes", "The kangaroo population grew.") { Type = "sop", Collection = "SOPs" });
        await host.AddAsync(new TestDoc("koala-doc", "More notes", "A koala slept all day.") { Type = "sop", Collection = "SOPs" });
        var glossary = await host.AddAsync(new TestDoc("team-glossary", "Glossary", Table) { Type = GlossaryFollower.TypeKey, Collection = "SOPs" });
        var follower = await host.LoadGlossaryAsync();

        var hit = Assert.Single(host.Search("袋鼠").Hits, h => h.DocumentId == "roo-doc");
        Assert.Equal([new GlossaryMatch("袋鼠", "kangaroo")], hit.MatchedVia);

        // A new draft with another row changes nothing while it is a draft.
        var saved = await host.Repository.SaveAsync(
            new DocumentEdit { Id = "team-glossary", BaseVersion = glossary.CurrentVersion, Title = "Glossary", Markdown = Table + "\n| 考拉 | koala |\n" },
            TestCallers.Carol,
            CancellationToken.None);
        Assert.IsType<SaveResult.Saved>(saved);
        await follower.ApplyAsync(await host.ChangeLog.ReadSinceAsync(follower.Position!.Value, CancellationToken.None), CancellationToken.None);
        Assert.DoesNotContain(host.Search("考拉").Hits, h => h.DocumentId == "koala-doc");

        // Published: the follower reloads it, no reindex.
        await host.Repository.UpdateManifestAsync(
            "team-glossary", m => m with { Status = DocumentStatus.Published, PublishedVersion = m.CurrentVersion }, TestCallers.Carol, CancellationToken.None);
        await follower.ApplyAsync(await host.ChangeLog.ReadSinceAsync(follower.Position!.Value, CancellationToken.None), CancellationToken.None);
        Assert.Contains(host.Search("考拉").Hits, h => h.DocumentId == "koala-doc");
    }

    [Fact]
    public async Task At_start_the_glossaries_come_from_the_index_and_one_saved_after_its_checkpoint_from_the_log()
    {
        await using var host = SearchHost.Create();
        await host.AddAsync(new TestDoc("team-glossary", "Glossary", Table) { Type = GlossaryFollower.TypeKey, Collection = "SOPs" });
        await host.AddAsync(new TestDoc("notes", "Notes", "Nothing to see.") { Type = "sop", Collection = "SOPs" });
        // Saved while the index was behind: the index's checkpoint lies before it.
        await host.AddAsync(new TestDoc("late-glossary", "Glossary 2", "## 术语 Terms\n\n| 中文 | English |\n|---|---|\n| 考拉 | koala |\n") { Type = GlossaryFollower.TypeKey, Collection = "SOPs" }, catchUp: false);
        var checkpoint = host.Index.Checkpoint;

        var follower = await host.LoadGlossaryAsync();

        Assert.Equal(checkpoint, follower.Position);
        Assert.True(follower.Position < await host.ChangeLog.EndAsync(CancellationToken.None));
        Assert.Contains("kangaroo", host.Glossary.Current.SynonymsOf("袋鼠"));
        Assert.Empty(host.Glossary.Current.SynonymsOf("考拉"));

        await follower.ApplyAsync(await host.ChangeLog.ReadSinceAsync(follower.Position!.Value, CancellationToken.None), CancellationToken.None);
        Assert.Contains("koala", host.Glossary.Current.SynonymsOf("考拉"));
        Assert.Contains("kangaroo", host.Glossary.Current.SynonymsOf("袋鼠"));
    }

    [Fact]
    public async Task Without_a_built_index_the_glossaries_are_read_from_every_manifest()
    {
        await using var host = SearchHost.Create();
        await host.AddAsync(new TestDoc("team-glossary", "Glossary", Table) { Type = GlossaryFollower.TypeKey, Collection = "SOPs" }, catchUp: false);
        host.Index.MarkNeedsRebuild();
        var logs = new ListLogger();

        // Nothing builds the index here: the load waits its time, then reads every manifest.
        var follower = await host.LoadGlossaryAsync(TimeSpan.FromMilliseconds(200), logs);

        Assert.Equal(await host.ChangeLog.EndAsync(CancellationToken.None), follower.Position);
        Assert.Contains("kangaroo", host.Glossary.Current.SynonymsOf("袋鼠"));
        Assert.Contains(logs.Lines, line => line.Contains("every manifest", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_a_joining_node_the_glossary_waits_for_the_index_being_built_and_loads_from_it()
    {
        await using var host = SearchHost.Create();
        await host.AddAsync(new TestDoc("team-glossary", "Glossary", Table) { Type = GlossaryFollower.TypeKey, Collection = "SOPs" }, catchUp: false);
        await host.AddAsync(new TestDoc("notes", "Notes", "Nothing to see.") { Type = "sop", Collection = "SOPs" }, catchUp: false);
        host.Index.MarkNeedsRebuild();
        var logs = new ListLogger();

        // As on a node that joins: the glossary starts loading while the index is restored (here: rebuilt) beside it.
        var loading = host.LoadGlossaryAsync(TimeSpan.FromSeconds(60), logs);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);
        var follower = await loading.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(host.Index.Checkpoint, follower.Position);
        Assert.Contains("kangaroo", host.Glossary.Current.SynonymsOf("袋鼠"));
        Assert.Contains(logs.Lines, line => line.Contains("waits up to 60 s", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains("the glossaries the search index names", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("every manifest", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_hit_of_a_page_names_the_synonym_it_was_found_by_and_a_direct_hit_names_none()
    {
        await using var host = SearchHost.Create();
        // One document at a time: each is its own segment, so the page's hits lie in several.
        await host.AddAsync(new TestDoc("via-english", "Field notes", "The kangaroo population grew.") { Type = "sop", Collection = "SOPs" });
        await host.AddAsync(new TestDoc("direct", "袋鼠观察", "袋鼠的数量增加了。") { Type = "sop", Collection = "SOPs" });
        await host.AddAsync(new TestDoc("unrelated", "Koala notes", "A koala slept all day.") { Type = "sop", Collection = "SOPs" });
        await host.AddAsync(new TestDoc("via-nickname", "Zoo diary", "A roo jumped the fence.") { Type = "sop", Collection = "SOPs" });
        await host.AddAsync(new TestDoc("team-glossary", "Glossary", Table) { Type = GlossaryFollower.TypeKey, Collection = "SOPs" });
        await host.LoadGlossaryAsync();

        var hits = host.Search("袋鼠").Hits.ToDictionary(h => h.DocumentId);

        Assert.Empty(hits["direct"].MatchedVia);
        Assert.Equal([new GlossaryMatch("袋鼠", "kangaroo")], hits["via-english"].MatchedVia);
        Assert.Equal([new GlossaryMatch("袋鼠", "roo")], hits["via-nickname"].MatchedVia);
        Assert.DoesNotContain("unrelated", hits.Keys);
    }

    [Fact]
    public async Task A_confidential_glossary_does_not_expand_anyones_queries()
    {
        await using var host = SearchHost.Create();
        await host.AddAsync(new TestDoc("roo-doc", "Field notes", "The kangaroo population grew.") { Type = "sop", Collection = "SOPs" });
        await host.AddAsync(new TestDoc("secret-glossary", "Glossary", Table)
        {
            Type = GlossaryFollower.TypeKey, Collection = "SOPs", Confidentiality = Confidentiality.Confidential, Readers = ["group:" + TestCallers.ResearchGroup],
        });
        await host.LoadGlossaryAsync();

        Assert.DoesNotContain(host.Search("袋鼠").Hits, h => h.DocumentId == "roo-doc");
    }

    [Fact]
    public async Task A_direct_hit_ranks_above_a_hit_found_only_through_the_glossary()
    {
        await using var host = SearchHost.Create();
        await host.AddAsync(new TestDoc("roo-doc", "Field notes", "The kangaroo population grew. The kangaroo ate.") { Type = "sop", Collection = "SOPs" });
        await host.AddAsync(new TestDoc("zh-doc", "笔记", "袋鼠数量增加了。") { Type = "sop", Collection = "SOPs" });
        await host.AddAsync(new TestDoc("team-glossary", "Glossary", Table) { Type = GlossaryFollower.TypeKey, Collection = "SOPs" });
        await host.LoadGlossaryAsync();

        var hits = host.Search("袋鼠").Hits.Select(h => h.DocumentId).ToList();

        Assert.Equal("zh-doc", hits[0]);
        Assert.Contains("roo-doc", hits);
        Assert.True(hits.IndexOf("team-glossary") is -1 || hits.IndexOf("team-glossary") > hits.IndexOf("roo-doc"), string.Join(", ", hits));
    }

    /// <summary>The follower's log lines, formatted (what an operator reads).</summary>
    private sealed class ListLogger : ILogger<GlossaryFollower>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> lines = new();

        public IReadOnlyList<string> Lines => [.. lines];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));
    }
}
