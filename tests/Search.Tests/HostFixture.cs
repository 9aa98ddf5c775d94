namespace KnowledgeHub.Search.Tests;

/// <summary>A <see cref="SearchHost"/> filled once with <see cref="Documents"/>, shared by the read-only tests of a class.</summary>
public abstract class HostFixture : IAsyncLifetime
{
    public SearchHost Host { get; } = SearchHost.Create();

    protected abstract IEnumerable<TestDoc> Documents { get; }

    public async Task InitializeAsync()
    {
        foreach (var doc in Documents)
        {
            await Host.AddAsync(doc, catchUp: false);
        }

        await Host.Synchronizer.CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
