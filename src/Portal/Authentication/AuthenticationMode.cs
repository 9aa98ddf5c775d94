namespace KnowledgeHub.Portal.Authentication;

/// <summary>How users sign in; chosen once, at registration, from <c>Authentication:Mode</c>.</summary>
public enum AuthenticationMode
{
    /// <summary>Microsoft Entra ID (the <c>AzureAd</c> section); the default when nothing is set.</summary>
    EntraId,

    /// <summary>Pick a configured demo user (<c>LocalUsers</c>); development only.</summary>
    Local,
}

/// <summary>The <c>Authentication</c> section.</summary>
public sealed class PortalAuthenticationOptions
{
    public const string SectionName = "Authentication";

    public AuthenticationMode Mode { get; set; } = AuthenticationMode.EntraId;

    /// <summary>Copied from <c>AzureAd:ClientId</c> so start-up validation can name it.</summary>
    public string? EntraClientId { get; set; }
}
