using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Storage;

/// <summary>
/// Logs every try of a storage request that takes longer than <see cref="Threshold"/> (a warning naming the method,
/// the blob path, the try number and the status), so a save or a join that waits on storage says on what. The SDK's own
/// slow-response warnings come with every expected 404, which nodes silence; this one only speaks when it is slow.
/// Runs once per try (<see cref="HttpPipelinePosition.PerRetry"/>): a try that timed out and was retried shows up too.
/// </summary>
internal sealed partial class SlowRequestPolicy(ILogger logger, TimeSpan threshold) : HttpPipelinePolicy
{
    public TimeSpan Threshold { get; } = threshold;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            Report(message, started);
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        finally
        {
            Report(message, started);
        }
    }

    private void Report(HttpMessage message, long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed < Threshold)
        {
            return;
        }

        var status = message.HasResponse ? message.Response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no answer";
        LogSlow(logger, message.Request.Method.Method, message.Request.Uri.Path, message.ProcessingContext.RetryNumber + 1, status, elapsed.TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage request {Method} {Path} (try {Try}) took {ElapsedMs:0} ms: {Status}")]
    private static partial void LogSlow(ILogger logger, string method, string path, int @try, string status, double elapsedMs);
}
