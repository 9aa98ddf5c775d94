using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Tests.Query;

/// <summary>
/// A typed <c>type:</c> value is read against the templates (the sample content's nine): by key or name in either
/// language and any spelling the search normalizes; a value no template names is ignored with a note, the same for every
/// caller whatever they may read.
/// </summary>
public sealed class TypeFilterTests(SampleCorpus corpus) : IClassFixture<SampleCorpus>
{
    [Theory]
    [InlineData("type:复盘", "retrospective")]
    [InlineData("type:復盤", "retrospective")]
    [InlineData("type:RETROSPECTIVE", "retrospective")]
    [InlineData("type:\"weekly report\"", "weekly-report")]
    [InlineData("type:週報", "weekly-report")]
    [InlineData("type:ｓｏｐ", "sop")]
    [InlineData("type:\"标准作业流程 SOP\"", "sop")]
    [InlineData("type:會議紀要", "meeting-minutes")]
    [InlineData("类型:复盘", "retrospective")]
    [InlineData("類型：週報", "weekly-report")]
    public void A_type_by_its_key_or_name_in_any_spelling_selects_that_type(string filter, string key)
    {
        var byName = corpus.Host.Search("活动 " + filter, TestCallers.Bob, pageSize: 100);
        var byKey = corpus.Host.Search("活动 type:" + key, TestCallers.Bob, pageSize: 100);

        Assert.Empty(byName.Notes);
        Assert.NotEqual(0, byKey.Total);
        Assert.Equal(byKey.Hits.Select(h => h.DocumentId), byName.Hits.Select(h => h.DocumentId));
        Assert.Equal([key], byName.Facets.Single(f => f.Dimension == SearchFacets.Type).Values.Where(v => v.Selected).Select(v => v.Value));
    }

    [Theory]
    [InlineData("type:复盘报告")]
    [InlineData("type:retro")]
    [InlineData("-type:weekly")]
    public void A_value_no_template_names_is_ignored_with_a_note(string filter)
    {
        var results = corpus.Host.Search("活动 " + filter, TestCallers.Bob, pageSize: 100);
        var without = corpus.Host.Search("活动", TestCallers.Bob, pageSize: 100);

        var note = Assert.Single(results.Notes);
        Assert.Equal(QueryNoteKind.UnknownType, note.Kind);
        Assert.True(note.NotAsTyped);
        Assert.Equal([filter.Split(':')[1]], note.Words);
        Assert.Equal(without.Hits.Select(h => h.DocumentId), results.Hits.Select(h => h.DocumentId));
    }

    /// <summary>
    /// Dave may read no competitor analysis: his <c>type:竞品分析</c> finds nothing, and says no more than that — the type
    /// is one (no unknown-type note, which the index alone would decide, and whose absence would tell him such documents
    /// exist), and nothing he may read has it, as for a type with no documents at all.
    /// </summary>
    [Theory]
    [InlineData("type:竞品分析")]
    [InlineData("type:competitor-analysis")]
    [InlineData("type:\"COMPETITOR ANALYSIS\"")]
    public void A_type_whose_documents_the_caller_may_not_read_finds_nothing_without_a_note(string filter)
    {
        var dave = corpus.Host.Search(filter, TestCallers.Dave, pageSize: 100);
        var bob = corpus.Host.Search(filter, TestCallers.Bob, pageSize: 100);

        Assert.Equal(0, dave.Total);
        var note = Assert.Single(dave.Notes);
        Assert.Equal(QueryNoteKind.FilterMatchesNothing, note.Kind);
        Assert.Equal(["type:competitor-analysis"], note.Words);
        Assert.NotEqual(0, bob.Total);
        Assert.Empty(bob.Notes);
    }

    /// <summary>The lessons page reads the head of a pasted report as the search page does: no owner 张三, so words.</summary>
    [Fact]
    public void Lessons_search_a_chinese_named_filter_that_leaves_nothing_as_words()
    {
        LessonResults Lessons(string query) => corpus.Host.Service.SearchLessons(new LessonQuery { Query = query, Caller = TestCallers.Bob, PageSize = 100 });
        var pasted = Lessons("活动 复盘 负责人：张三");
        var words = Lessons("活动 复盘");

        Assert.Equal(0, Lessons("活动 复盘 owner:张三").Total);
        Assert.NotEqual(0, words.Total);
        Assert.Equal(words.Hits.Select(h => h.Text).Order(), pasted.Hits.Select(h => h.Text).Order());
        Assert.Equal(["负责人：张三"], Assert.Single(pasted.Notes, n => n.Kind == QueryNoteKind.FilterAsWords).Words);
    }

    [Fact]
    public void Lessons_read_a_type_as_search_does()
    {
        var byName = corpus.Host.Service.SearchLessons(new LessonQuery { Query = "type:復盤", Caller = TestCallers.Bob, PageSize = 100 });
        var byKey = corpus.Host.Service.SearchLessons(new LessonQuery { Query = "type:retrospective", Caller = TestCallers.Bob, PageSize = 100 });
        var unknown = corpus.Host.Service.SearchLessons(new LessonQuery { Query = "type:复盘报告", Caller = TestCallers.Bob, PageSize = 100 });

        Assert.NotEqual(0, byKey.Total);
        Assert.Empty(byName.Notes);
        Assert.Equal(byKey.Hits.Select(h => h.Text), byName.Hits.Select(h => h.Text));
        Assert.Equal(QueryNoteKind.UnknownType, Assert.Single(unknown.Notes).Kind);
    }

    /// <summary>
    /// A template added after a search changes how <c>type:</c> reads without any change to the index: the same search
    /// again is not answered from the result cache with the old reading.
    /// </summary>
    [Fact]
    public async Task A_template_added_later_is_a_type_for_the_next_search_though_the_index_is_unchanged()
    {
        await using var host = SearchHost.Create();
        await host.AddAsync(new TestDoc("launch-retro", "活动复盘", "## 活动\n\n活动的复盘内容。"));
        var before = host.Search("活动 type:打法手册");

        var template = (await File.ReadAllTextAsync(Path.Combine(ContentRootLocator.Locate(null, AppContext.BaseDirectory)!, "templates", "sop.md")))
            .Replace("name: Standard operating procedure", "name: Playbook", StringComparison.Ordinal)
            .Replace("name_zh: 标准作业流程 SOP", "name_zh: 打法手册", StringComparison.Ordinal);
        await host.Store.WriteAsync("templates/playbook.md", System.Text.Encoding.UTF8.GetBytes(template), Storage.WriteCondition.None, CancellationToken.None);
        host.Templates.Invalidate();
        await host.Templates.ListAsync(CancellationToken.None);
        var after = host.Search("活动 type:打法手册");

        Assert.Equal(QueryNoteKind.UnknownType, Assert.Single(before.Notes).Kind);
        Assert.Equal(1, before.Total);
        Assert.Equal(0, after.Total);
        // A type now, with no document yet: the empty page names the filter rather than the type.
        var note = Assert.Single(after.Notes);
        Assert.Equal(QueryNoteKind.FilterMatchesNothing, note.Kind);
        Assert.Equal(["type:playbook"], note.Words);
        Assert.Equal(["playbook"], after.Facets.Single(f => f.Dimension == SearchFacets.Type).Values.Where(v => v.Selected).Select(v => v.Value));
    }

    [Fact]
    public void A_value_on_the_request_is_not_read_against_the_templates()
    {
        var request = new SearchRequest
        {
            Query = "活动",
            Caller = TestCallers.Bob,
            Filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Type] = ["no-such-type"] },
        };

        var results = corpus.Host.Search(request);

        // No unknown-type note: a request value is taken as it is; that nothing has it is all the page says.
        Assert.Equal(0, results.Total);
        Assert.Equal(["type:no-such-type"], Assert.Single(results.Notes, n => n.Kind == QueryNoteKind.FilterMatchesNothing).Words);
        Assert.DoesNotContain(results.Notes, n => n.Kind == QueryNoteKind.UnknownType);
    }
}
