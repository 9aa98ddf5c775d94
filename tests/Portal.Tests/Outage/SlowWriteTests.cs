using System.Net;
using AngleSharp.Html.Dom;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Outage;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Outage;

/// <summary>
/// Storage that answers too slowly to confirm a save (the cluster's hanging saves): the request waits at most
/// Following:WriteTimeout and gets 503 with Retry-After and a sentence saying the save may still complete; the save goes
/// on by itself and lands whole once storage answers. Storage is not called unavailable for it.
/// </summary>
public sealed class SlowWriteTests
{
    private const string Document = "retro-2026-checkout-latency";

    [Fact]
    public async Task A_save_storage_does_not_confirm_in_time_gets_503_with_a_sentence_and_completes_by_itself()
    {
        await using var portal = new SlowPortal();
        var bob = await portal.CreateReadyClientAsync();
        bob.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await bob.SignInAsync("bob");
        var repository = portal.Services.GetRequiredService<DocumentRepository>();
        var before = (await repository.GetManifestAsync(Document, CancellationToken.None))!.CurrentVersion;
        var edit = await bob.GetDocumentAsync($"/Documents/{Document}/Edit");

        portal.Store.Hold();
        var save = await bob.SubmitAsync(EditForm(edit), values: new Dictionary<string, string> { ["Form.Markdown"] = "saved while storage was slow" });
        var body = await save.Content.ReadAsStringAsync();
        var stillSaving = (await repository.GetManifestAsync(Document, CancellationToken.None))!.CurrentVersion;
        portal.Store.Release();
        var landed = await Eventually.Async(() => repository.GetManifestAsync(Document, CancellationToken.None), m => m!.CurrentVersion == before + 1);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, save.StatusCode);
        Assert.True(save.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("not confirmed within 1 seconds and may still complete", body);
        Assert.DoesNotContain("Exception", body);
        Assert.Equal(before, stillSaving);
        Assert.Equal(before + 1, landed!.CurrentVersion);
        Assert.Contains("saved while storage was slow", (await repository.GetVersionAsync(Document, before + 1, CancellationToken.None))!.Markdown);
        Assert.True(portal.Services.GetRequiredService<StorageAvailability>().IsAvailable, "slow storage is not an outage: reads go on as usual");
    }

    private static IHtmlFormElement EditForm(IHtmlDocument page) => page.QuerySelector<IHtmlFormElement>("form.doc-form")!;

    /// <summary>The real portal on the real file store, whose manifest writes can be held.</summary>
    private sealed class SlowPortal : PortalFactory
    {
        public SlowPortal()
            : this(new Holder())
        {
        }

        private SlowPortal(Holder holder)
            : base("Development", new Dictionary<string, string> { ["Following:WriteTimeout"] = "00:00:01" }, services =>
            {
                services.AddSingleton<IBlobStore>(_ => holder.Store = new HeldBlobStore(new FileSystemBlobStore(Path.Combine(holder.Root!, "blobs"))));
                services.ObserveBlobStore();
            })
        {
            holder.Root = Root;
            State = holder;
        }

        public HeldBlobStore Store => State.Store ?? throw new InvalidOperationException("The portal has not started.");

        private Holder State { get; }

        private sealed class Holder
        {
            public string? Root { get; set; }

            public HeldBlobStore? Store { get; set; }
        }
    }
}
