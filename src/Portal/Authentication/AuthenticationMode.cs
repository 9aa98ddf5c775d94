namespace KnowledgeHub.Portal.Authentication;

/// <summary>How users sign in; chosen once, at registration, from <c>Authentication:Mode</c>.</summary>
public enum AuthenticationMode
{
    /// <summary>Microsoft Entra ID (the <c>AzureAd</c> section); the default when nothing is set.</summary>
    EntraId,

    /// <summary>Pick a configured demo user (<c>LocalUsers</c>); development only.</summary>
    Local,
}

/// <summary>The <c>Authentication</c> section, with the <c>AzureAd</c> keys start-up validation needs to name.</summary>
public sealed class PortalAuthenticationOptions
{
    public const string SectionName = "Authentication";

    public AuthenticationMode Mode { get; set; } = AuthenticationMode.EntraId;

    /// <summary>Copied from <c>AzureAd:ClientId</c> so start-up validation can name it.</summary>
    public string? EntraClientId { get; set; }

    /// <summary>Copied from <c>AzureAd:TenantId</c>.</summary>
    public string? EntraTenantId { get; set; }

    /// <summary>Copied from <c>AzureAd:Instance</c>.</summary>
    public string? EntraInstance { get; set; }

    /// <summary>Copied from <c>AzureAd:Authority</c> (optional; replaces <c>{Instance}{TenantId}/v2.0</c>).</summary>
    public string? EntraAuthority { get; set; }

    /// <summary>True when every key Entra ID sign-in needs is set.</summary>
    public bool EntraIdIsComplete =>
        !string.IsNullOrWhiteSpace(EntraClientId)
        && !string.IsNullOrWhiteSpace(EntraTenantId)
        && (!string.IsNullOrWhiteSpace(EntraInstance) || !string.IsNullOrWhiteSpace(EntraAuthority));

    /// <summary>The identity provider's origin (scheme, host, port) in Entra ID mode; null otherwise.</summary>
    public string? SignInOrigin =>
        Mode == AuthenticationMode.EntraId
        && Uri.TryCreate(string.IsNullOrWhiteSpace(EntraAuthority) ? EntraInstance : EntraAuthority, UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;

    public static PortalAuthenticationOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new PortalAuthenticationOptions();
        configuration.GetSection(SectionName).Bind(options);
        options.CopyEntraKeys(configuration);
        return options;
    }

    public void CopyEntraKeys(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        EntraClientId = configuration[EntraIdKeys.ClientId];
        EntraTenantId = configuration[EntraIdKeys.TenantId];
        EntraInstance = configuration[EntraIdKeys.Instance];
        EntraAuthority = configuration[EntraIdKeys.Authority];
    }
}

/// <summary>The configuration keys of the <c>AzureAd</c> section that the portal reads itself.</summary>
public static class EntraIdKeys
{
    public const string Section = "AzureAd";
    public const string ClientId = "AzureAd:ClientId";
    public const string TenantId = "AzureAd:TenantId";
    public const string Instance = "AzureAd:Instance";
    public const string Authority = "AzureAd:Authority";
    public const string ValidIssuer = "AzureAd:ValidIssuer";
    public const string Audience = "AzureAd:Audience";
    public const string RequireHttpsMetadata = "AzureAd:RequireHttpsMetadata";
}
