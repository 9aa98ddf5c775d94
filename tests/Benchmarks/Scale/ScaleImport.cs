using System.Diagnostics;
using KnowledgeHub.Documents;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>What the import cost: wall time of parse + create, and the bytes written three ways.</summary>
public sealed record ImportResult(
    int Documents,
    int Samples,
    long DocumentBytes,
    double Seconds,
    long StoreInputBytes,
    long StoreWriteCalls,
    ProcIo ProcessWrites,
    long StoreFolderBytes,
    int StoreFiles)
{
    public double DocsPerSecond => Documents / Seconds;

    /// <summary>Bytes handed to write(2) by the importing process (wchar) ÷ document bytes: the headline.</summary>
    public double WriteAmplification => (double)ProcessWrites.WriteCalls / DocumentBytes;

    /// <summary>Bytes the block layer received (write_bytes) ÷ document bytes.</summary>
    public double DiskWriteAmplification => (double)ProcessWrites.DiskWrites / DocumentBytes;

    /// <summary>Bytes the services handed to IBlobStore writes and appends ÷ document bytes.</summary>
    public double LogicalWriteAmplification => (double)StoreInputBytes / DocumentBytes;
}

/// <summary>
/// Imports generated documents into a fresh file store through the real services, composed as the portal composes
/// them (AddKnowledgeHubStorage + AddKnowledgeHubDocuments; the host is built, never started): ContentImporter first
/// (templates and content/samples, as on a first start), then each document as the importer does it —
/// <see cref="SampleParser.Parse"/> and <see cref="DocumentRepository.CreateAsync"/> (version, manifest, the real
/// ChangeLog). The store is wrapped in <see cref="CountingBlobStore"/>; /proc/self/io gives the physical writes.
/// </summary>
public static class ScaleImport
{
    private const int Batch = 500;

    public static async Task<ImportResult> RunAsync(string storeRoot, string contentRoot, DocumentGenerator generator, int count, int threads, CancellationToken cancellationToken)
    {
        var counter = new CountingBlobStore.Counter();
        using var host = BuildHost(storeRoot, contentRoot, counter);
        var services = host.Services;
        var samples = await services.GetRequiredService<ContentImporter>().ImportIfEmptyAsync(contentRoot, cancellationToken);
        var repository = services.GetRequiredService<DocumentRepository>();

        var inputBefore = counter.Bytes;
        var callsBefore = counter.Calls;
        var ioBefore = ProcStats.SelfIo() ?? ProcIo.Zero;
        var elapsed = TimeSpan.Zero;
        long documentBytes = 0;
        var lastReport = Stopwatch.GetTimestamp();
        for (var start = 0; start < count; start += Batch)
        {
            // Generating the text is the benchmark's work, not the import's: only parse + create are timed.
            var batch = Enumerable.Range(start, Math.Min(Batch, count - start)).Select(generator.Generate).ToList();
            documentBytes += batch.Sum(d => (long)d.Bytes);
            var started = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, async (document, token) =>
            {
                var (parsed, owner) = SampleParser.Parse(document.Text);
                await repository.CreateAsync(parsed, owner, token);
            });
            elapsed += Stopwatch.GetElapsedTime(started);
            if (Stopwatch.GetElapsedTime(lastReport) > TimeSpan.FromSeconds(15))
            {
                Console.WriteLine($"  imported {start + batch.Count:N0} of {count:N0} ({(start + batch.Count) / elapsed.TotalSeconds:0} docs/s)");
                lastReport = Stopwatch.GetTimestamp();
            }
        }

        var io = (ProcStats.SelfIo() ?? ProcIo.Zero) - ioBefore;
        return new ImportResult(
            count, samples, documentBytes, elapsed.TotalSeconds, counter.Bytes - inputBefore, counter.Calls - callsBefore, io,
            ProcStats.FolderBytes(storeRoot), ProcStats.CountFiles(storeRoot));
    }

    private static IHost BuildHost(string storeRoot, string contentRoot, CountingBlobStore.Counter counter)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = Path.GetDirectoryName(storeRoot)! });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "FileSystem",
            ["Storage:FileSystem:RootPath"] = storeRoot,
            ["Documents:ContentRoot"] = contentRoot,
        });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services
            .AddKnowledgeHubStorage(builder.Configuration)
            .AddKnowledgeHubDocuments(builder.Configuration);

        // Decorate the store the composition registered, whatever its backend: every service writes through the counter.
        var registered = builder.Services.Last(d => d.ServiceType == typeof(IBlobStore));
        builder.Services.Remove(registered);
        builder.Services.AddSingleton(provider => CountingBlobStore.Wrap(Resolve(registered, provider), counter));
        var host = builder.Build();
        return host;
    }

    private static IBlobStore Resolve(ServiceDescriptor descriptor, IServiceProvider provider) =>
        (IBlobStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
