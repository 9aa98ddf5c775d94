using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace KnowledgeHub.Portal.Api;

/// <summary>
/// A document's entity tag in the API is its current version number, quoted (<c>"7"</c>): strong, because each version
/// is immutable. <c>If-Match</c> on a write names the version the client last read; another version is a 412.
/// </summary>
public static class VersionETag
{
    public static string Of(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    public static void Set(HttpResponse response, int version)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = Of(version);
    }

    /// <summary>What <c>If-Match</c> asks for: absent, any version (<c>*</c>), one version, or unreadable.</summary>
    public static IfMatch Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
        {
            return IfMatch.Absent;
        }

        if (!EntityTagHeaderValue.TryParseList(values, out var tags) || tags.Count != 1)
        {
            return IfMatch.Unreadable;
        }

        var tag = tags[0];
        if (tag.Equals(EntityTagHeaderValue.Any))
        {
            return IfMatch.Any;
        }

        var text = tag.Tag.AsSpan().Trim('"');
        return !tag.IsWeak && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? new IfMatch(IfMatchKind.Version, version)
            : IfMatch.Unreadable;
    }
}

public enum IfMatchKind
{
    Absent,
    Any,
    Version,
    Unreadable,
}

/// <summary>A parsed <c>If-Match</c>: <see cref="Version"/> is set for <see cref="IfMatchKind.Version"/>.</summary>
public sealed record IfMatch(IfMatchKind Kind, int Version = 0)
{
    public static IfMatch Absent { get; } = new(IfMatchKind.Absent);

    public static IfMatch Any { get; } = new(IfMatchKind.Any);

    public static IfMatch Unreadable { get; } = new(IfMatchKind.Unreadable);

    /// <summary>Null when a write may go on against <paramref name="current"/>; else the refusal (412, or 400 for a malformed header).</summary>
    public Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Refusal(int current) => Kind switch
    {
        IfMatchKind.Unreadable => ApiProblems.BadRequest(ApiProblems.Sentence("IfMatchUnreadable")),
        IfMatchKind.Version when Version != current => ApiProblems.Problem(
            StatusCodes.Status412PreconditionFailed,
            ApiProblems.Sentence("IfMatchStale", Version, current)),
        _ => null,
    };
}
