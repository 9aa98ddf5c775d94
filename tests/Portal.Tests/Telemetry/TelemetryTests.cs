using System.Diagnostics;
using System.Net;
using KnowledgeHub.Portal.Telemetry;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Portal.Tests.Outage;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace KnowledgeHub.Portal.Tests.Telemetry;

/// <summary>The KnowledgeHub meter and activity source record what the portal does, through OpenTelemetry's in-memory exporter; logs keep no query text or names.</summary>
public sealed class TelemetryTests
{
    private const string Unusual = "zebracorn7781";

    [Fact]
    public async Task Searches_refusals_limits_storage_errors_and_the_index_lag_are_recorded_and_traced()
    {
        var metricSink = new LockedList<MetricSnapshot>();
        var spanSink = new LockedList<Activity>();
        await using var portal = new OutagePortal(services =>
        {
            services.ConfigureOpenTelemetryMeterProvider(b => b.AddInMemoryExporter(metricSink));
            services.ConfigureOpenTelemetryTracerProvider(b => b.AddInMemoryExporter(spanSink));
        });
        var dave = await portal.CreateReadyClientAsync();
        await dave.SignInAsync("dave");

        var search = await dave.GetPageAsync("/Search?q=quillfeather+" + Unusual);
        var denied = await dave.GetPageAsync("/Documents/retro-2026-research-pricing");
        var lag = await portal.Services.GetRequiredService<IndexLagProbe>().MeasureAsync(CancellationToken.None);
        portal.Broken = true;
        var outage = await dave.GetPageAsync("/Documents/no-such-document");
        portal.Broken = false;
        portal.Services.GetRequiredService<MeterProvider>().ForceFlush();
        portal.Services.GetRequiredService<TracerProvider>().ForceFlush();
        var metrics = metricSink.Snapshot();
        var spans = spanSink.Snapshot();
        var names = metrics.Select(m => m.Name).ToHashSet();

        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, outage.StatusCode);
        Assert.NotNull(lag);
        Assert.Equal(0, lag.Changes);
        foreach (var name in new[]
        {
            "knowledgehub.search.duration", "knowledgehub.index.lag.changes", "knowledgehub.index.lag.seconds",
            "knowledgehub.index.rebuild.progress", "knowledgehub.access.denied", "knowledgehub.storage.errors",
        })
        {
            Assert.Contains(name, names);
        }

        // Which call fails first depends on what the caches held (the follower's poll, the manifest, the version list).
        Assert.Contains(Points(metrics, "knowledgehub.storage.errors"), p => Tag(p, "operation") is "read" or "read-range" or "list" && Tag(p, "kind") == "IOException");
        Assert.Contains(Points(metrics, "knowledgehub.access.denied"), p => Tag(p, "action") == "view");
        Assert.Contains(spans, s => s.Source.Name == "KnowledgeHub" && s.OperationName == "search");
        Assert.Contains(spans, s => s.OperationName == "storage read" && (string?)s.GetTagItem("knowledgehub.storage.area") == "docs");
        Assert.DoesNotContain(spans, s => s.Tags.Any(t => t.Value?.Contains(Unusual, StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task A_rate_limit_rejection_is_counted_by_policy()
    {
        var sink = new LockedList<MetricSnapshot>();
        await using var portal = PortalFactory.With(
            "Development",
            new Dictionary<string, string> { ["RateLimits:TokenMinting:PerUser"] = "1" },
            services => services.ConfigureOpenTelemetryMeterProvider(b => b.AddInMemoryExporter(sink)));
        var carol = await portal.CreateReadyClientAsync();
        await carol.SignInAsync("carol");
        await carol.CreateOnTokenPageAsync();
        var page = await carol.GetDocumentAsync("/Account/Token");

        var refused = await carol.SubmitAsync(page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form.token-form")!);
        portal.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains(Points(sink.Snapshot(), "knowledgehub.ratelimit.rejections"), p => Tag(p, "policy") == "token-minting");
    }

    [Fact]
    public async Task Logs_keep_no_query_text_and_no_user_names()
    {
        await using var portal = new PortalFactory();
        var bob = await portal.CreateReadyClientAsync();
        await bob.SignInAsync("bob");

        await bob.GetPageAsync("/Search?q=" + Unusual);
        await bob.GetPageAsync("/api/v1/search?q=" + Unusual);
        await bob.GetPageAsync("/Search/Suggest?q=" + Unusual);
        await bob.GetPageAsync("/Lessons?q=" + Unusual);

        var messages = portal.Logs.Entries.Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.Contains("Search of " + Unusual.Length + " characters", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains(Unusual, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(messages, m => m.Contains("Bob Chen", StringComparison.Ordinal) || m.Contains("陈波", StringComparison.Ordinal));
    }

    private static IEnumerable<MetricPoint> Points(IEnumerable<MetricSnapshot> metrics, string name)
    {
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (var point in metric.MetricPoints)
            {
                yield return point;
            }
        }
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }

    /// <summary>The exporters add from their own threads (and the KnowledgeHub source is heard by every host in the process).</summary>
    private sealed class LockedList<T> : ICollection<T>
    {
        private readonly List<T> items = [];

        public int Count
        {
            get
            {
                lock (items)
                {
                    return items.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public T[] Snapshot()
        {
            lock (items)
            {
                return [.. items];
            }
        }

        public void Add(T item)
        {
            lock (items)
            {
                items.Add(item);
            }
        }

        public void Clear()
        {
            lock (items)
            {
                items.Clear();
            }
        }

        public bool Contains(T item)
        {
            lock (items)
            {
                return items.Contains(item);
            }
        }

        public void CopyTo(T[] array, int arrayIndex)
        {
            lock (items)
            {
                items.CopyTo(array, arrayIndex);
            }
        }

        public bool Remove(T item)
        {
            lock (items)
            {
                return items.Remove(item);
            }
        }

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Snapshot()).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
