using System.Globalization;
using System.Text.Json;
using KnowledgeHub.Portal.Notifications;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Tests.Notifications;

/// <summary>
/// The e-mail outbox on a real file store and a real SMTP exchange (MailKit to the sink): a message the server refuses is
/// kept and sent again after the back-off, once; one refused too often is kept as undeliverable; two nodes never send one
/// message twice; nothing is queued when SMTP is off.
/// </summary>
public sealed class MailOutboxTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly MailContent Content = new("审阅提醒 subject", "正文 text", "<p>正文 html</p>");
    private readonly string root = Path.Combine(Path.GetTempPath(), "kh-outbox", Guid.NewGuid().ToString("N"));
    private readonly SmtpSink sink = new();
    private readonly Clock clock = new();
    private readonly FileSystemBlobStore store;

    public MailOutboxTests() => store = new FileSystemBlobStore(root);

    [Fact]
    public async Task A_message_the_server_refuses_is_kept_and_sent_once_when_its_retry_is_due()
    {
        var outbox = Outbox();
        sink.RefuseNext(2);

        Assert.False(await outbox.SendAsync("m1", "王丽", "alice@example.test", Content, default));
        Assert.Equal(1, (await EntryAsync("m1"))!.Attempts);
        Assert.Equal(0, await outbox.RetryDueAsync(default)); // not due yet: the first back-off is one minute
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(0, await outbox.RetryDueAsync(default)); // refused again: now two minutes
        Assert.Equal(2, (await EntryAsync("m1"))!.Attempts);
        clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(0, await outbox.RetryDueAsync(default));
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await outbox.RetryDueAsync(default));

        var mail = Assert.Single(sink.Messages);
        Assert.Equal("审阅提醒 subject", mail.Subject);
        Assert.Equal(2, sink.Refused);
        Assert.Null(await EntryAsync("m1"));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await outbox.RetryDueAsync(default));
        Assert.Single(sink.Messages);
    }

    [Fact]
    public async Task A_message_refused_on_every_attempt_is_given_up_and_kept_as_undeliverable()
    {
        var outbox = Outbox(maxAttempts: 3);
        sink.RefuseNext(100);

        await outbox.SendAsync("m2", "Bob", "bob@example.test", Content, default);
        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromHours(2));
            await outbox.RetryDueAsync(default);
        }

        Assert.Equal(3, sink.Refused);
        Assert.Empty(sink.Messages);
        Assert.Null(await EntryAsync("m2"));
        var kept = await store.ReadAsync(MailOutbox.UndeliverablePrefix + "m2.json", default);
        Assert.NotNull(kept);
        Assert.Contains("bob@example.test", System.Text.Encoding.UTF8.GetString(kept.Content.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_nodes_retrying_at_once_send_a_message_once_and_a_key_is_queued_once()
    {
        var first = Outbox();
        var second = Outbox();
        sink.RefuseNext(1);
        await first.SendAsync("m3", "Carol", "carol@example.test", Content, default);
        Assert.False(await second.SendAsync("m3", "Carol", "carol@example.test", Content, default)); // the same key again: not a second message

        clock.Advance(TimeSpan.FromMinutes(2));
        var sent = await Task.WhenAll(first.RetryDueAsync(default), second.RetryDueAsync(default));

        Assert.Equal(1, sent.Sum());
        Assert.Single(sink.Messages);
    }

    [Fact]
    public async Task Without_smtp_nothing_is_queued()
    {
        var outbox = new MailOutbox(
            new MailSender(Options.Create(new SmtpOptions()), NullLogger<MailSender>.Instance), store,
            Options.Create(new NotificationOptions()), clock, NullLogger<MailOutbox>.Instance);

        Assert.False(await outbox.SendAsync("m4", "Dave", "dave@example.test", Content, default));
        Assert.Null(await EntryAsync("m4"));
    }

    public void Dispose()
    {
        sink.Dispose();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }

    private MailOutbox Outbox(int maxAttempts = 12)
    {
        var smtp = new SmtpOptions { Host = "127.0.0.1", Port = sink.Port, Security = SmtpSecurity.None };
        var options = new NotificationOptions { MailMaxAttempts = maxAttempts };
        return new MailOutbox(new MailSender(Options.Create(smtp), NullLogger<MailSender>.Instance), store, Options.Create(options), clock,
            NullLogger<MailOutbox>.Instance);
    }

    private async Task<OutboxMail?> EntryAsync(string key) =>
        await store.ReadAsync(MailOutbox.Prefix + key + ".json", default) is { } blob
            ? JsonSerializer.Deserialize<OutboxMail>(blob.Content.Span, Json)
            : null;

    /// <summary>A clock the test moves forward.</summary>
    private sealed class Clock : TimeProvider
    {
        private DateTimeOffset now = DateTimeOffset.Parse("2026-12-04T08:00:00Z", CultureInfo.InvariantCulture);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
