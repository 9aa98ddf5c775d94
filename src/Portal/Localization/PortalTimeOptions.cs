using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Localization;

/// <summary><c>Portal:TimeZone</c>: the time zone times are shown in unless a user picks another (IANA or Windows id).</summary>
public sealed class PortalTimeOptions
{
    public const string SectionName = "Portal";

    public const string DefaultTimeZone = "Asia/Shanghai";

    public string TimeZone { get; set; } = DefaultTimeZone;
}

/// <summary>Stops the app at start with a sentence naming the setting when the time zone is unknown.</summary>
public sealed class PortalTimeOptionsValidator : IValidateOptions<PortalTimeOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalTimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return PortalTime.FindZone(options.TimeZone) is null
            ? ValidateOptionsResult.Fail($"The setting Portal:TimeZone is '{options.TimeZone}', which is not a time zone this machine knows (use an IANA id such as Asia/Shanghai).")
            : ValidateOptionsResult.Success;
    }
}
