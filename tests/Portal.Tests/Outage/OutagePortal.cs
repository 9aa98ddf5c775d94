using KnowledgeHub.Portal.Outage;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Outage;

/// <summary>The real portal whose file store can be broken and mended (<see cref="BreakableBlobStore"/>) while it runs.</summary>
public sealed class OutagePortal : PortalFactory
{
    public OutagePortal()
        : this(new Holder(), null)
    {
    }

    /// <summary>With more services replaced after the store (e.g. telemetry exporters).</summary>
    public OutagePortal(Action<IServiceCollection> more)
        : this(new Holder(), more)
    {
    }

    private OutagePortal(Holder holder, Action<IServiceCollection>? more)
        : base("Development", null, services =>
        {
            // The store the portal registered (already wrapped in its observer) is replaced: the real file store below the
            // switch, and the portal's observer above it again.
            services.AddSingleton<IBlobStore>(provider =>
            {
                var root = Path.Combine(holder.Root!, "blobs");
                var breakable = new BreakableBlobStore(new FileSystemBlobStore(root), root);
                holder.Store = breakable;
                return breakable;
            });
            services.ObserveBlobStore();
            more?.Invoke(services);
        })
    {
        holder.Root = Root;
        State = holder;
    }

    private Holder State { get; }

    public BreakableBlobStore Store => State.Store ?? throw new InvalidOperationException("The portal has not started.");

    public bool Broken
    {
        get => Store.Broken;
        set => Store.Broken = value;
    }

    private sealed class Holder
    {
        public string? Root { get; set; }

        public BreakableBlobStore? Store { get; set; }
    }
}
