using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Tests;

/// <summary>The Lucene document a manifest and version become: filter, facet, sort and text fields.</summary>
public sealed class DocumentMapperTests
{
    private static readonly DocumentManifest Manifest = new()
    {
        Id = "retro-2026-618",
        Type = "retrospective",
        Title = "2026 年 618 大促复盘",
        Status = DocumentStatus.Published,
        Owner = "user:A11CE000-0000-4000-8000-000000000001",
        Collection = "Retrospectives",
        Tags = ["618", "大促", "campaign", "618"],
        Confidentiality = Confidentiality.Confidential,
        Readers = ["group:2E5EA2C4-0000-4000-8000-00000000A002"],
        Editors = ["user:b0b00000-0000-4000-8000-000000000002"],
        CurrentVersion = 3,
        CreatedUtc = new DateTimeOffset(2026, 6, 25, 8, 0, 0, TimeSpan.Zero),
        UpdatedUtc = new DateTimeOffset(2026, 7, 1, 9, 30, 0, TimeSpan.Zero),
    };

    private static readonly DocumentVersion Version = new()
    {
        DocumentId = Manifest.Id,
        Number = 3,
        Title = Manifest.Title,
        Markdown = "## 目标与结果\n\n**GMV** 同比增长 35%。",
        Author = "user:a11ce000-0000-4000-8000-000000000001",
    };

    [Theory]
    [InlineData(SearchFields.Id, "retro-2026-618")]
    [InlineData(SearchFields.Type, "retrospective")]
    [InlineData(SearchFields.Status, "Published")]
    [InlineData(SearchFields.Collection, "Retrospectives")]
    [InlineData(SearchFields.Tags, "618|大促|campaign")]
    [InlineData(SearchFields.Title, "2026 年 618 大促复盘")]
    [InlineData(SearchFields.Body, "目标与结果\nGMV 同比增长 35%。")]
    public void Stored_fields_hold_the_manifest_values(string field, string expected)
    {
        var document = new DocumentMapper(new MarkdownRenderer()).Map(Manifest, Version);

        Assert.Equal(expected, string.Join('|', document.GetValues(field)).ReplaceLineEndings("\n").Trim());
    }

    [Fact]
    public void The_access_field_holds_the_read_principals_lower_cased()
    {
        var document = new DocumentMapper(new MarkdownRenderer()).Map(Manifest, Version);

        Assert.Equal(
            [
                "group:2e5ea2c4-0000-4000-8000-00000000a002",
                "role:admin",
                "user:a11ce000-0000-4000-8000-000000000001",
                "user:b0b00000-0000-4000-8000-000000000002",
            ],
            document.GetFields(SearchFields.Acl).Select(f => f.GetStringValue()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Updated_is_stored_as_unix_milliseconds_for_sorting()
    {
        var document = new DocumentMapper(new MarkdownRenderer()).Map(Manifest, Version);

        var stored = document.GetFields(SearchFields.Updated).Select(f => f.GetInt64Value()).Distinct().Single();
        Assert.Equal(Manifest.UpdatedUtc.ToUnixTimeMilliseconds(), stored);
    }

    [Theory]
    [InlineData(SearchFields.Year, "2026")]
    [InlineData(SearchFields.Owner, "user:a11ce000-0000-4000-8000-000000000001")]
    [InlineData(SearchFields.Tags, "618|campaign|大促")]
    public void Facet_fields_have_sorted_set_doc_values(string field, string expected)
    {
        var document = new DocumentMapper(new MarkdownRenderer()).Map(Manifest, Version);

        var values = document.GetFields(field)
            .Where(f => f.IndexableFieldType.DocValueType == Lucene.Net.Index.DocValuesType.SORTED_SET)
            .Select(f => f.GetBinaryValue().Utf8ToString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, string.Join('|', values));
        Assert.Contains(field, SearchFields.Facets);
    }

    [Fact]
    public async Task Principals_match_whatever_their_case()
    {
        await using var host = SearchHost.Create();
        await host.AddAsync(new TestDoc("shouty-acl", "Shouty ACL", "casing test")
        {
            Confidentiality = Confidentiality.Confidential,
            Readers = ["USER:DA7E0000-0000-4000-8000-000000000004"],
        });

        Assert.Equal(["shouty-acl"], host.Ids("casing", TestCallers.Dave));
        Assert.Empty(host.Ids("casing", TestCallers.Bob));
    }

    [Fact]
    public void Attachment_texts_are_stored_with_their_file_names_in_order_and_empty_ones_skipped()
    {
        var document = new DocumentMapper(new MarkdownRenderer()).Map(
            Manifest,
            Version,
            [new("a.pdf", "first text"), new("empty.png", "  "), new("b.xlsx", "second text")]);

        Assert.Equal(["first text", "second text"], document.GetValues(SearchFields.AttachmentText));
        Assert.Equal(["a.pdf", "b.xlsx"], document.GetValues(SearchFields.AttachmentNames));
    }

    [Fact]
    public void Lessons_and_action_items_become_entries_that_carry_the_documents_fields()
    {
        var version = Version with { Markdown = "## 经验教训\n\n- 提前备货。\n\n## 行动项\n\n- [ ] 压测 @Bob due:2026-07-15\n- [x] 复盘会\n" };

        var entries = new DocumentMapper(new MarkdownRenderer()).MapEntries(Manifest, version);

        Assert.Equal(
            ["document retro-2026-618", "lesson retro-2026-618#lesson-1", "action retro-2026-618#action-1", "action retro-2026-618#action-2"],
            entries.Select(e => $"{e.Get(SearchFields.Kind)} {e.Get(SearchFields.Id)}"));
        Assert.All(entries, e =>
        {
            Assert.Equal(Manifest.Id, e.Get(SearchFields.DocId));
            Assert.Equal(Manifest.Title, e.Get(SearchFields.Title));
            Assert.Equal("retrospective", e.Get(SearchFields.Type));
            Assert.Equal(4, e.GetFields(SearchFields.Acl).Length);
        });
        Assert.Equal("提前备货。", entries[1].Get(SearchFields.Body));
        Assert.Equal(("bob", new DateOnly(2026, 7, 15).DayNumber, "false"), (entries[2].Get(SearchFields.Assignee), (int)entries[2].GetField(SearchFields.Due).GetInt64Value()!.Value, entries[2].Get(SearchFields.Done)));
        Assert.Equal((null, "true"), (entries[3].Get(SearchFields.Assignee), entries[3].Get(SearchFields.Done)));
    }

    [Fact]
    public void Keywords_past_the_term_limit_are_cut_and_principals_that_long_are_left_out()
    {
        var immense = new string('g', 100_000);
        var manifest = Manifest with { Tags = [immense, "small"], Collection = immense, Readers = ["group:" + immense, "group:short"] };

        var document = new DocumentMapper(new MarkdownRenderer()).Map(manifest, Version);

        Assert.Equal([immense[..DocumentMapper.MaxKeywordLength], "small"], document.GetValues(SearchFields.Tags));
        Assert.Equal(immense[..DocumentMapper.MaxKeywordLength], document.Get(SearchFields.Collection));
        Assert.Contains("group:short", document.GetFields(SearchFields.Acl).Select(f => f.GetStringValue()));
        Assert.DoesNotContain(document.GetFields(SearchFields.Acl), f => f.GetStringValue().StartsWith("group:ggg", StringComparison.Ordinal));
    }

    [Fact]
    public void A_text_past_the_markdown_caps_maps_to_its_plain_text_without_structure_and_says_why()
    {
        var version = Version with { Markdown = "## 经验教训\n\n- 提前备货\n\n- [ ] 复盘 @bob due:2026-07-15\n\n" + new string('[', 1_000) };

        var entries = new DocumentMapper(new MarkdownRenderer()).MapEntries(Manifest, version);

        var entry = Assert.Single(entries);
        Assert.Contains("brackets", entry.Get(DocumentMapper.DegradedField), StringComparison.Ordinal);
        Assert.Contains("提前备货", entry.Get(SearchFields.Body), StringComparison.Ordinal);
        Assert.Null(new DocumentMapper(new MarkdownRenderer()).MapEntries(Manifest, Version)[0].Get(DocumentMapper.DegradedField));
    }

    [Fact]
    public void At_most_a_thousand_lessons_and_a_thousand_action_items_are_indexed_per_document()
    {
        var items = string.Concat(Enumerable.Range(1, 3_000).Select(i => $"- [ ] task {i} @bob\n"));
        var lessons = string.Concat(Enumerable.Range(1, 3_000).Select(i => $"- lesson {i}\n"));
        var version = Version with { Markdown = "## Lessons\n\n" + lessons + "\n## Actions\n\n" + items };

        var entries = new DocumentMapper(new MarkdownRenderer()).MapEntries(Manifest, version);

        Assert.Equal(1 + (2 * DocumentMapper.MaxStructureEntries), entries.Count);
        Assert.Equal("task 1000", entries[^1].Get(SearchFields.Body));
    }
}

/// <summary>The index's one parse (<see cref="MarkdownRenderer.ForIndex"/>) skips section texts: lessons and action items must not change.</summary>
public sealed class IndexStructureTests
{
    private const string NestedLessons = "# Retro\n\n## Lessons\n\n- keep the stock buffer\n- [ ] order more @li due:2026-12-01\n\n### Detail\n\n- a nested point\n\n## Next\n\n- not a lesson";

    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>
        {
            NestedLessons,
            "# 复盘\n\n## 经验教训\n\n1. 提前备货\n2. 直播预热\n\n## 行动项\n\n- [x] 复盘会 @wang\n- [ ] 补货 due:2026-11-30",
            "## Lessons learned\n\n> - quoted item\n\n- plain item\n\n## Lessons\n\n- plain item",
            "No headings at all\n\n- [ ] a task",
        };
        var content = ContentRootLocator.Locate(null, AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("The repository's content folder was not found above " + AppContext.BaseDirectory);
        foreach (var file in Directory.EnumerateFiles(content, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(File.ReadAllText(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_index_parse_finds_the_same_lessons_action_items_and_text_as_a_full_parse(string markdown)
    {
        var renderer = new MarkdownRenderer();
        var full = renderer.GetStructure(markdown);

        var (text, structure) = renderer.ForIndex(markdown);

        Assert.Equal(full.Lessons, structure.Lessons);
        Assert.Equal(full.ActionItems, structure.ActionItems);
        Assert.Equal(full.Sections.Select(s => (s.Title, s.Level)), structure.Sections.Select(s => (s.Title, s.Level)));
        Assert.Equal(renderer.ToPlainText(markdown), text.Text);
    }

    [Fact]
    public void The_index_parse_finds_lessons_under_nested_headings_and_action_items_anywhere()
    {
        var (_, structure) = new MarkdownRenderer().ForIndex(NestedLessons);

        Assert.Equal(["keep the stock buffer", "order more @li due:2026-12-01", "a nested point"], structure.Lessons.Select(l => l.Text));
        Assert.Equal("order more", Assert.Single(structure.ActionItems).Text);
    }
}
