namespace KnowledgeHub.Portal.Hosting;

/// <summary>
/// The <c>DataProtection</c> section: the application name every node shares, and the certificate that protects the
/// key ring at rest (a PFX file with its password, or a thumbprint in the current user's or machine's store).
/// </summary>
public sealed class DataProtectionSettings
{
    public const string SectionName = "DataProtection";

    /// <summary>The discriminator of the key ring: every node of one portal must use the same name.</summary>
    public string ApplicationName { get; set; } = "KnowledgeHub";

    /// <summary>A PFX/PKCS#12 file with a private key; keys are encrypted with it at rest.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Instead of a file: the thumbprint of a certificate in the X.509 store (CurrentUser\My or LocalMachine\My).</summary>
    public string? CertificateThumbprint { get; set; }

    public static DataProtectionSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new DataProtectionSettings();
        configuration.GetSection(SectionName).Bind(settings);
        return settings;
    }
}
