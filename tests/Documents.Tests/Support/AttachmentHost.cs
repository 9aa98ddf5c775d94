using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Documents.Tests.Support;

/// <summary>The attachment service on a real file-system store with the given limits; deleted on dispose.</summary>
public sealed class AttachmentHost : IDisposable
{
    public AttachmentHost(AttachmentOptions? limits = null)
    {
        Audit = new AuditLog(Store.Blobs, Store.Clock);
        Service = new AttachmentService(Store.Blobs, Store.Repository, Audit, Options.Create(limits ?? new AttachmentOptions()), Store.Clock, NullLogger<AttachmentService>.Instance);
    }

    public TestStore Store { get; } = new();

    public AuditLog Audit { get; }

    public AttachmentService Service { get; }

    public Task<DocumentManifest> CreateAsync() => Store.Repository.CreateAsync(People.Retro(), People.Alice, CancellationToken.None);

    public Task<AttachmentResult> AddAsync(string id, string name, byte[] content, Caller? caller = null, long? declared = null) =>
        Service.AddAsync(id, name, new MemoryStream(content), declared ?? content.Length, caller ?? People.Alice, CancellationToken.None);

    public void Dispose() => Store.Dispose();
}
