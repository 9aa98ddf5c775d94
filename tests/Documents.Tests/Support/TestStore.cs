using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeHub.Documents.Tests.Support;

/// <summary>A real <see cref="FileSystemBlobStore"/> in its own temp folder, with the document services on top; deleted on dispose.</summary>
public sealed class TestStore : IDisposable
{
    public TestStore()
    {
        Root = Path.Combine(Path.GetTempPath(), "kh-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Blobs = new FileSystemBlobStore(Path.Combine(Root, "blobs"));
        ChangeLog = new ChangeLog(Blobs, Clock);
        Repository = new DocumentRepository(Blobs, ChangeLog, Clock, NullLogger<DocumentRepository>.Instance);
    }

    public string Root { get; }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 8, 30, 0, TimeSpan.Zero));

    public FileSystemBlobStore Blobs { get; }

    public ChangeLog ChangeLog { get; }

    public DocumentRepository Repository { get; }

    public async Task<List<string>> BlobNamesAsync(string prefix = "")
    {
        var names = new List<string>();
        await foreach (var item in Blobs.ListAsync(prefix, CancellationToken.None))
        {
            names.Add(item.Name);
        }

        return names;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
