using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace KnowledgeHub.Portal.Tests.Notifications;

/// <summary>
/// A tiny SMTP server on a loopback port that accepts every message (EHLO, MAIL, RCPT, DATA, QUIT, no TLS, no auth)
/// and keeps it, parsed by MimeKit, in <see cref="Messages"/> — or, after <see cref="RefuseNext"/>, answers DATA with a
/// temporary failure (451) as a busy server does. Shared by Portal.Tests and the browser tests (linked into both).
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private int toRefuse;
    private int refused;

    public SmtpSink()
    {
        listener.Start();
        _ = Task.Run(() => AcceptAsync(stop.Token));
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>How many messages were refused (451) so far.</summary>
    public int Refused => Volatile.Read(ref refused);

    /// <summary>The next <paramref name="count"/> messages are refused with "451 try again later" instead of accepted.</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref toRefuse, count);

    /// <summary>Waits (at most <paramref name="seconds"/>, 15 by default) for a message that matches, and returns it; fails the test if none comes.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, string what, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        do
        {
            if (Messages.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new Xunit.Sdk.XunitException($"No e-mail {what} arrived; got: {string.Join(" | ", Messages.Select(m => m.To + ": " + m.Subject))}");
    }

    public void Dispose()
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }

        stop.Cancel();
        listener.Stop();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client, cancellationToken), cancellationToken);
        }
    }

    private bool TakeRefusal()
    {
        while (Volatile.Read(ref toRefuse) is var left && left > 0)
        {
            if (Interlocked.CompareExchange(ref toRefuse, left - 1, left) == left)
            {
                Interlocked.Increment(ref refused);
                return true;
            }
        }

        return false;
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink ESMTP");
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-sink");
                    await writer.WriteLineAsync("250-8BITMIME");
                    await writer.WriteLineAsync("250 SMTPUTF8");
                    break;
                case "DATA" when TakeRefusal():
                    await writer.WriteLineAsync("451 4.3.0 busy, try again later");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 go ahead");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(cancellationToken) is { } body && body != ".")
                    {
                        data.Append(body.StartsWith("..", StringComparison.Ordinal) ? body[1..] : body).Append("\r\n");
                    }

                    using (var content = new MemoryStream(Encoding.Latin1.GetBytes(data.ToString())))
                    {
                        Messages.Enqueue(await MimeMessage.LoadAsync(content, cancellationToken));
                    }

                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 ok");
                    break;
            }
        }
    }
}
