using KnowledgeHub.Documents.Tests.Support;

namespace KnowledgeHub.Documents.Tests;

public sealed class DocumentRepositoryTests : IDisposable
{
    private readonly TestStore store = new();

    private DocumentRepository Repository => store.Repository;

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task Create_stores_version_1_and_a_manifest_that_read_back_as_written()
    {
        var manifest = await Repository.CreateAsync(People.Retro(), People.Alice, CancellationToken.None);

        Assert.Matches("^[a-z2-7]{12}$", manifest.Id);
        Assert.Equal(1, manifest.CurrentVersion);
        Assert.Equal("user:" + People.Alice.ObjectId, manifest.Owner);
        Assert.Equal(store.Clock.GetUtcNow(), manifest.CreatedUtc);

        var read = await Repository.GetManifestAsync(manifest.Id, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal("2026 年 618 大促复盘", read.Title);
        Assert.Equal(["618", "大促"], read.Tags);
        Assert.Equal("Retrospectives", read.Collection);

        var version = await Repository.GetVersionAsync(manifest.Id, 1, CancellationToken.None);
        Assert.NotNull(version);
        Assert.Equal(People.Retro().Markdown, version.Markdown);
        Assert.Equal("618 大促", version.Metadata["project"]);
        Assert.Equal("2026-06-01 ~ 2026-06-20", version.Metadata["period"]);
        Assert.Equal("王丽 Alice Wang", version.AuthorName);
        Assert.Equal(store.Clock.GetUtcNow(), version.CreatedUtc);
    }

    [Fact]
    public async Task Manifest_json_is_camel_case_with_enums_as_strings()
    {
        var manifest = await Repository.CreateAsync(People.Retro() with { Status = DocumentStatus.InReview, Confidentiality = Confidentiality.Restricted }, People.Alice, CancellationToken.None);

        var blob = await store.Blobs.ReadAsync($"docs/{manifest.Id}/manifest.json", CancellationToken.None);
        var json = System.Text.Encoding.UTF8.GetString(blob!.Content.Span);

        Assert.Contains("\"currentVersion\": 1", json);
        Assert.Contains("\"status\": \"InReview\"", json);
        Assert.Contains("\"confidentiality\": \"Restricted\"", json);
    }

    [Fact]
    public async Task Create_with_a_supplied_id_keeps_it_and_a_second_create_is_refused()
    {
        var first = await Repository.CreateAsync(People.Retro("retro-2026-618-campaign"), People.Alice, CancellationToken.None);
        Assert.Equal("retro-2026-618-campaign", first.Id);

        var e = await Assert.ThrowsAsync<DocumentAlreadyExistsException>(
            () => Repository.CreateAsync(People.Retro("retro-2026-618-campaign", "another"), People.Bob, CancellationToken.None));
        Assert.Equal("retro-2026-618-campaign", e.Id);
        Assert.Equal("2026 年 618 大促复盘", (await Repository.GetManifestAsync(first.Id, CancellationToken.None))!.Title);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Create_without_a_title_is_refused_with_the_rule_sentence(string title)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Repository.CreateAsync(People.Retro(title: title), People.Alice, CancellationToken.None));

        Assert.StartsWith(DocumentRules.ValidateTitle(title), e.Message);
        Assert.Empty(await store.BlobNamesAsync());
    }

    [Theory]
    [InlineData("UPPER")]
    [InlineData("../escape")]
    [InlineData("a")]
    [InlineData("-starts-with-dash")]
    public async Task Create_with_a_malformed_supplied_id_is_refused(string id)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Repository.CreateAsync(People.Retro(id), People.Alice, CancellationToken.None));
        Assert.Empty(await store.BlobNamesAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("../../etc/passwd")]
    [InlineData("docs/x")]
    [InlineData("ABC")]
    [InlineData("a/../b")]
    [InlineData("abc\\def")]
    [InlineData(".hidden")]
    [InlineData("x")]
    [InlineData("ab\0c")]
    public async Task Malformed_ids_read_as_missing_and_save_as_not_found(string id)
    {
        await Repository.CreateAsync(People.Retro("ab"), People.Alice, CancellationToken.None);

        Assert.Null(await Repository.GetManifestAsync(id, CancellationToken.None));
        Assert.Null(await Repository.GetVersionAsync(id, 1, CancellationToken.None));
        Assert.Empty(await Repository.ListVersionsAsync(id, CancellationToken.None));
        var result = await Repository.SaveAsync(new DocumentEdit { Id = id, BaseVersion = 1, Title = "t", Markdown = "m" }, People.Alice, CancellationToken.None);
        Assert.IsType<SaveResult.NotFound>(result);
        Assert.Null(await Repository.UpdateManifestAsync(id, m => m with { Title = "x" }, People.Alice, CancellationToken.None));
    }

    [Fact]
    public async Task Missing_documents_and_versions_read_as_null()
    {
        var manifest = await Repository.CreateAsync(People.Retro(), People.Alice, CancellationToken.None);

        Assert.Null(await Repository.GetManifestAsync("no-such-doc", CancellationToken.None));
        Assert.Null(await Repository.GetVersionAsync(manifest.Id, 2, CancellationToken.None));
        Assert.Null(await Repository.GetVersionAsync(manifest.Id, 0, CancellationToken.None));
        Assert.Null(await Repository.GetVersionAsync(manifest.Id, -1, CancellationToken.None));
    }

    [Fact]
    public async Task List_streams_every_manifest()
    {
        var a = await Repository.CreateAsync(People.Retro(), People.Alice, CancellationToken.None);
        var b = await Repository.CreateAsync(People.Retro(title: "周报 W48"), People.Bob, CancellationToken.None);
        await Repository.SaveAsync(new DocumentEdit { Id = a.Id, BaseVersion = 1, Title = "改名", Markdown = "x" }, People.Alice, CancellationToken.None);

        var listed = new List<DocumentManifest>();
        await foreach (var manifest in Repository.ListAsync(CancellationToken.None))
        {
            listed.Add(manifest);
        }

        Assert.Equal(new[] { a.Id, b.Id }.Order(StringComparer.Ordinal), listed.Select(m => m.Id));
        Assert.Equal("改名", listed.Single(m => m.Id == a.Id).Title);
    }

    [Fact]
    public async Task Save_adds_the_next_version_and_the_history_lists_newest_first()
    {
        var manifest = await Repository.CreateAsync(People.Retro(), People.Alice, CancellationToken.None);
        store.Clock.Advance(TimeSpan.FromHours(1));

        var saved = await Repository.SaveAsync(
            new DocumentEdit { Id = manifest.Id, BaseVersion = 1, Title = "618 复盘（修订）", Markdown = "## 经验教训\n\n- 更早预热\n", ChangeNote = "补充教训", Tags = ["618"] },
            People.Bob,
            CancellationToken.None);

        var ok = Assert.IsType<SaveResult.Saved>(saved);
        Assert.Equal(2, ok.Manifest.CurrentVersion);
        Assert.Equal("618 复盘（修订）", ok.Manifest.Title);
        Assert.Equal(["618"], ok.Manifest.Tags);
        Assert.Equal(People.Bob.Principal, ok.Manifest.UpdatedBy);
        Assert.Equal(manifest.Owner, ok.Manifest.Owner);

        var v2 = await Repository.GetVersionAsync(manifest.Id, 2, CancellationToken.None);
        Assert.Equal("## 经验教训\n\n- 更早预热\n", v2!.Markdown);
        Assert.Equal("618 大促", v2.Metadata["project"]);
        Assert.Equal(People.Retro().Markdown, (await Repository.GetVersionAsync(manifest.Id, 1, CancellationToken.None))!.Markdown);

        var history = await Repository.ListVersionsAsync(manifest.Id, CancellationToken.None);
        Assert.Equal([2, 1], history.Select(v => v.Number));
        Assert.Equal("补充教训", history[0].ChangeNote);
        Assert.Equal("陈波 Bob Chen", history[0].AuthorName);
        Assert.Equal(store.Clock.GetUtcNow(), history[0].CreatedUtc);
    }

    [Fact]
    public async Task Save_with_an_empty_title_is_refused_and_writes_nothing()
    {
        var manifest = await Repository.CreateAsync(People.Retro(), People.Alice, CancellationToken.None);
        var before = await store.BlobNamesAsync("docs/");

        await Assert.ThrowsAsync<ArgumentException>(() => Repository.SaveAsync(
            new DocumentEdit { Id = manifest.Id, BaseVersion = 1, Title = " ", Markdown = "x" }, People.Alice, CancellationToken.None));

        Assert.Equal(before, await store.BlobNamesAsync("docs/"));
    }

    [Fact]
    public async Task Save_with_a_stale_base_version_is_a_conflict_and_keeps_both_texts()
    {
        var manifest = await Repository.CreateAsync(People.Retro(), People.Alice, CancellationToken.None);
        await Repository.SaveAsync(new DocumentEdit { Id = manifest.Id, BaseVersion = 1, Title = "Bob's", Markdown = "Bob's text" }, People.Bob, CancellationToken.None);
        var before = await store.BlobNamesAsync();
        var manifestBefore = await store.Blobs.ReadAsync($"docs/{manifest.Id}/manifest.json", CancellationToken.None);

        var stale = new DocumentEdit { Id = manifest.Id, BaseVersion = 1, Title = "Alice's", Markdown = "Alice's text" };
        var result = await Repository.SaveAsync(stale, People.Alice, CancellationToken.None);

        var conflict = Assert.IsType<SaveResult.Conflict>(result);
        Assert.Equal("Bob's text", conflict.Current.Markdown);
        Assert.Equal(2, conflict.Current.Number);
        Assert.Equal(2, conflict.Manifest.CurrentVersion);
        Assert.Same(stale, conflict.Attempted);
        Assert.Equal(before, await store.BlobNamesAsync());
        var manifestAfter = await store.Blobs.ReadAsync($"docs/{manifest.Id}/manifest.json", CancellationToken.None);
        Assert.Equal(manifestBefore!.ETag, manifestAfter!.ETag);
    }

    [Fact]
    public async Task Save_of_a_missing_document_is_not_found()
    {
        var result = await Repository.SaveAsync(new DocumentEdit { Id = "nobody-wrote-this", BaseVersion = 1, Title = "t", Markdown = "m" }, People.Alice, CancellationToken.None);

        Assert.Equal("nobody-wrote-this", Assert.IsType<SaveResult.NotFound>(result).Id);
        Assert.Empty(await store.BlobNamesAsync());
    }
}
