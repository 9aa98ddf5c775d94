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
    [InlineData(SearchFields.Owner, "user:A11CE000-0000-4000-8000-000000000001")]
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
}
