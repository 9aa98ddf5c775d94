using System.Text;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Outage;
using KnowledgeHub.Portal.Telemetry;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeHub.Portal.Tests.Outage;

/// <summary>
/// The portal's store keeps the last content it read and, while storage answers, only asks whether a blob changed
/// (<see cref="IBlobStore.ReadIfChangedAsync"/>): whatever another node writes, appends or deletes in the same store is
/// what the next read returns — a manifest's access list is never served stale.
/// </summary>
public sealed class CheckedReadTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kh-checked-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_read_returns_what_another_node_wrote_appended_or_deleted_since_the_last_read()
    {
        using var lastKnown = new LastKnownBlobs();
        var portal = new ObservedBlobStore(new FileSystemBlobStore(folder), new StorageAvailability(TimeProvider.System), lastKnown);
        var otherNode = new FileSystemBlobStore(folder);
        const string Manifest = "docs/a/manifest.json";

        await otherNode.WriteAsync(Manifest, Bytes("{\"readers\":[\"alice\"]}"), WriteCondition.None, None);
        Assert.Equal("{\"readers\":[\"alice\"]}", Text(await portal.ReadAsync(Manifest, None)));
        var held = await portal.ReadAsync(Manifest, None);
        Assert.Equal("{\"readers\":[\"alice\"]}", Text(held)); // unchanged: the copy held

        // The same length, another reader: the next read has it, with the new ETag.
        var etag = await otherNode.WriteAsync(Manifest, Bytes("{\"readers\":[\"carol\"]}"), WriteCondition.None, None);
        var read = await portal.ReadAsync(Manifest, None);
        Assert.Equal(("{\"readers\":[\"carol\"]}", etag), (Text(read), read!.ETag));

        await otherNode.AppendAsync("changes/log", Bytes("one\n"), None);
        Assert.Equal("one\n", Text(await portal.ReadAsync("changes/log", None)));
        await otherNode.AppendAsync("changes/log", Bytes("two\n"), None);
        Assert.Equal("one\ntwo\n", Text(await portal.ReadAsync("changes/log", None)));

        await otherNode.DeleteAsync(Manifest, None);
        Assert.Null(await portal.ReadAsync(Manifest, None));
        await otherNode.WriteAsync(Manifest, Bytes("{\"readers\":[]}"), WriteCondition.None, None);
        Assert.Equal("{\"readers\":[]}", Text(await portal.ReadAsync(Manifest, None)));
    }

    [Fact]
    public async Task A_manifest_read_again_unchanged_is_not_parsed_again_and_a_changed_one_is()
    {
        using var lastKnown = new LastKnownBlobs();
        var portal = new ObservedBlobStore(new FileSystemBlobStore(folder), new StorageAvailability(TimeProvider.System), lastKnown);
        var documents = new DocumentRepository(portal, new ChangeLog(portal, TimeProvider.System), TimeProvider.System, NullLogger<DocumentRepository>.Instance);
        var alice = new Caller { ObjectId = "alice", Name = "Alice" };
        var created = await documents.CreateAsync(new NewDocument { Type = "retrospective", Title = "复盘", Markdown = "# 复盘" }, alice, None);

        var first = await documents.GetManifestAsync(created.Id, None);
        Assert.Same(first, await documents.GetManifestAsync(created.Id, None));

        // Another node changes the access list behind this one's back: the next read parses the new manifest.
        var store = new FileSystemBlobStore(folder);
        var otherNode = new DocumentRepository(store, new ChangeLog(store, TimeProvider.System), TimeProvider.System, NullLogger<DocumentRepository>.Instance);
        await otherNode.UpdateManifestAsync(created.Id, manifest => manifest with { Readers = ["user:carol"] }, alice, None);

        var changed = await documents.GetManifestAsync(created.Id, None);
        Assert.NotSame(first, changed);
        Assert.Equal(["user:carol"], changed!.Readers);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(BlobContent? blob) => blob is null ? "<missing>" : Encoding.UTF8.GetString(blob.Content.Span);
}
