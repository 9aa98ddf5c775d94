using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Api;

/// <summary>
/// Reads a JSON request body with the API's own answers to a bad one: 415 when it is not JSON, 413 past
/// <see cref="MaxBytes"/> (checked on the declared length and while reading), 400 with the position when it does not
/// parse or a required member is missing. Minimal APIs' own binding would answer these without a sentence.
/// </summary>
public static class ApiBody
{
    /// <summary>Room for the Markdown cap (1,000,000 characters, up to 3 bytes each in UTF-8) and the other members.</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    public static async Task<(T? Value, ProblemHttpResult? Refusal)> ReadAsync<T>(HttpContext context)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            return (null, ApiProblems.Problem(
                StatusCodes.Status415UnsupportedMediaType,
                ApiProblems.Sentence("JsonOnly")));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            await using var limited = new LimitedReadStream(request.Body, MaxBytes);
            var value = await JsonSerializer.DeserializeAsync<T>(limited, options, context.RequestAborted);
            return value is null
                ? (null, ApiProblems.BadRequest(ApiProblems.Sentence("BodyEmpty")))
                : (value, null);
        }
        catch (LimitedReadStream.TooLongException)
        {
            return (null, TooLarge());
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? ApiProblems.Sentence("JsonWhere", line + 1, (e.BytePositionInLine ?? 0) + 1) : "";
            return (null, ApiProblems.BadRequest(ApiProblems.Sentence("BodyNotJson", where, Sentence(e))));
        }
    }

    private static ProblemHttpResult TooLarge() => ApiProblems.Problem(
        StatusCodes.Status413PayloadTooLarge,
        ApiProblems.Sentence("BodyTooLarge", MaxBytes / (1024 * 1024)));

    // The serializer's message names the .NET type and path; keep only the part a caller can act on.
    private static string Sentence(JsonException e) =>
        e.Message.Contains("missing required properties", StringComparison.Ordinal)
            ? ApiProblems.Sentence("JsonMissingMember")
            : e.Path is { Length: > 1 } path ? ApiProblems.Sentence("JsonWrongForm", path) : ApiProblems.Sentence("JsonUnreadable");

    /// <summary>A read-only view of a stream that throws <see cref="TooLongException"/> past a limit.</summary>
    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read the body asynchronously.");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            read += n;
            return read > limit ? throw new TooLongException() : n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public sealed class TooLongException : Exception
        {
        }
    }
}
