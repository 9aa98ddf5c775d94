using System.ComponentModel.DataAnnotations;
using KnowledgeHub.Documents;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Search.Querying;

/// <summary>The time zone a caller's time words (今天, last week, Q3) are read in. One implementation per deployment; per-user zones replace it.</summary>
public interface ISearchTimeZone
{
    /// <summary>The zone of <paramref name="caller"/>; null: the deployment's default.</summary>
    TimeZoneInfo For(Caller? caller);
}

/// <summary>Settings of the query reader, in the "Search" section: <c>Search:TimeZone</c> (an IANA or Windows id).</summary>
public sealed class SearchQueryOptions : IValidatableObject
{
    public const string SectionName = "Search";

    public string TimeZone { get; set; } = "Asia/Shanghai";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out _))
        {
            yield return new ValidationResult(
                $"The setting Search:TimeZone names no time zone this machine knows (\"{TimeZone}\"); use an id such as Asia/Shanghai or UTC.",
                [nameof(TimeZone)]);
        }
    }
}

/// <summary>Every caller in the zone of <see cref="SearchQueryOptions.TimeZone"/>.</summary>
public sealed class ConfiguredSearchTimeZone(IOptions<SearchQueryOptions> options) : ISearchTimeZone
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public static ISearchTimeZone Shanghai { get; } = new ConfiguredSearchTimeZone(Options.Create(new SearchQueryOptions()));

    public TimeZoneInfo For(Caller? caller) => zone;
}
