using System.Diagnostics;
using System.Globalization;
using System.Text;
using KnowledgeHub.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Search.Extraction;

/// <summary>
/// Text of attachments for the index. PDF and Office files are read by KnowledgeHub.Extractor in a separate
/// process — a hostile file can hang it, crash it or exhaust its memory (its GC heap is capped), never the
/// portal: the process gets <see cref="ExtractionOptions.Timeout"/>, then it and its children are killed, and
/// output beyond <see cref="ExtractionOptions.MaxOutputChars"/> is cut off. TXT and MD are decoded here;
/// images have no text. Expected failures come back as <see cref="ExtractionResult.Failure"/>, logged at Information.
/// </summary>
public sealed partial class AttachmentTextExtractor(IOptions<ExtractionOptions> options, ILogger<AttachmentTextExtractor> logger) : IDisposable
{
    private const int MaxErrorChars = 2_000;
    private readonly ExtractionOptions settings = options.Value;
    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrency);
    private readonly Lazy<string?> extractor = new(() => ExtractorLocator.FindExtractor(options.Value.ExtractorPath, AppContext.BaseDirectory));

    /// <summary>The extractor dll in use, or null when it cannot be found (then PDF and Office extraction fails with a sentence saying so).</summary>
    public string? ExtractorPath => extractor.Value;

    public Task<ExtractionResult> ExtractAsync(AttachmentInfo attachment, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return attachment.Kind is { } kind
            ? ExtractAsync(content, kind, cancellationToken)
            : Task.FromResult(ExtractionResult.Failure($"'{attachment.ContentType}' is not a type text can be extracted from."));
    }

    public async Task<ExtractionResult> ExtractAsync(ReadOnlyMemory<byte> content, AttachmentKind kind, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case AttachmentKind.Png or AttachmentKind.Jpeg:
                return ExtractionResult.Success("");
            case AttachmentKind.Text or AttachmentKind.Markdown:
                var text = Encoding.UTF8.GetString(content.Span).TrimStart('\uFEFF');
                return text.Length > settings.MaxOutputChars
                    ? ExtractionResult.Success(text[..settings.MaxOutputChars], truncated: true)
                    : ExtractionResult.Success(text);
        }

        if (extractor.Value is not { } dll)
        {
            LogNoExtractor(settings.ExtractorPath ?? Path.Combine(AppContext.BaseDirectory, "extractor", ExtractorLocator.DllName));
            return ExtractionResult.Unavailable("The text extractor (KnowledgeHub.Extractor.dll) is not installed next to the app.");
        }

        await slots.WaitAsync(cancellationToken);
        try
        {
            var result = await RunAsync(dll, ExtractorType(kind), content, cancellationToken);
            if (!result.Succeeded)
            {
                KnowledgeHub.Telemetry.KnowledgeHubTelemetry.ExtractionFailures.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));
                LogFailed(kind, result.Error);
            }

            return result;
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();

    private static string ExtractorType(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => "pdf",
        AttachmentKind.Docx => "docx",
        AttachmentKind.Xlsx => "xlsx",
        _ => "pptx",
    };

    private async Task<ExtractionResult> RunAsync(string dll, string type, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ExtractorLocator.FindDotnet(settings.DotnetPath))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in new[] { "exec", dll, type, "-" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + settings.MaxMemoryBytes.ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return ExtractionResult.Unavailable($"The text extractor could not be started with '{start.FileName}': {e.Message}");
        }

        if (started is null)
        {
            return ExtractionResult.Unavailable($"The text extractor could not be started with '{start.FileName}'.");
        }

        using var process = started;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        var killed = false;
        using var killOnTimeout = timeout.Token.Register(() => killed = Kill(process));

        var output = ReadCappedAsync(process.StandardOutput, settings.MaxOutputChars, () => killed = Kill(process));
        var errors = ReadCappedAsync(process.StandardError, MaxErrorChars, null);
        await WriteInputAsync(process, content, timeout.Token);
        var (text, truncated) = await output;
        var (error, _) = await errors;
        await process.WaitForExitAsync(CancellationToken.None);

        cancellationToken.ThrowIfCancellationRequested();
        if (timeout.IsCancellationRequested)
        {
            KnowledgeHub.Telemetry.KnowledgeHubTelemetry.ExtractionTimeouts.Add(1);
            return ExtractionResult.Failure($"Text extraction took longer than {settings.Timeout.TotalSeconds:0.#} s and was stopped.");
        }

        if (truncated)
        {
            return ExtractionResult.Success(text, truncated: true);
        }

        return process.ExitCode == 0 && !killed
            ? ExtractionResult.Success(text)
            : ExtractionResult.Failure(error.Trim() is { Length: > 0 } message ? message : $"The text extractor stopped with exit code {process.ExitCode}.");
    }

    /// <summary>Writes the file to the extractor's standard input; a process that stopped reading (it failed or was killed) is not an error here.</summary>
    private static async Task WriteInputAsync(Process process, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(content, cancellationToken);
            await process.StandardInput.BaseStream.FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The outcome is decided by the exit code and the timeout.
        }
        finally
        {
            try
            {
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Broken pipe: the process is gone already.
            }
        }
    }

    /// <summary>Reads until the end, keeping at most <paramref name="max"/> characters; past that calls <paramref name="onOverflow"/> and stops.</summary>
    private static async Task<(string Text, bool Truncated)> ReadCappedAsync(StreamReader reader, int max, Action? onOverflow)
    {
        var builder = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), CancellationToken.None)) > 0)
        {
            var room = max - builder.Length;
            if (read > room)
            {
                builder.Append(buffer, 0, room);
                if (onOverflow is null)
                {
                    continue;
                }

                onOverflow();
                return (builder.ToString(), true);
            }

            builder.Append(buffer, 0, read);
        }

        return (builder.ToString(), false);
    }

    private static bool Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // already exited
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The text extractor was not found (looked for {Path}); attachments are indexed without their text")]
    private partial void LogNoExtractor(string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Text extraction of a {Kind} attachment failed: {Error}")]
    private partial void LogFailed(AttachmentKind kind, string? error);
}
