using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KnowledgeHub.Storage;
using KnowledgeHub.Storage.DataProtection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace KnowledgeHub.Portal.Hosting;

/// <summary>
/// Data Protection (auth cookies, antiforgery tokens, OpenID Connect state) over the blob store: one key ring for all
/// nodes (<see cref="BlobXmlRepository"/>), one application name, and keys encrypted at rest with a certificate when
/// one is configured. A certificate that cannot be loaded stops the app with a sentence naming the setting.
/// </summary>
public static class DataProtectionSetup
{
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = DataProtectionSettings.Read(configuration);
        if (string.IsNullOrWhiteSpace(settings.ApplicationName))
        {
            throw new InvalidOperationException("The setting DataProtection:ApplicationName must not be empty: every node of the portal uses it to share one key ring.");
        }

        var builder = services.AddDataProtection().SetApplicationName(settings.ApplicationName);
        services.AddSingleton<BlobXmlRepository>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<BlobXmlRepository>((o, repository) => o.XmlRepository = repository);

        if (LoadCertificate(settings) is { } certificate)
        {
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else if (!string.IsNullOrWhiteSpace(settings.CertificateThumbprint))
        {
            builder.ProtectKeysWithCertificate(settings.CertificateThumbprint.Trim());
        }

        return services;
    }

    private static X509Certificate2? LoadCertificate(DataProtectionSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            return null;
        }

        var path = Path.GetFullPath(settings.CertificatePath);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The setting DataProtection:CertificatePath is '{settings.CertificatePath}', which is not a file. Set it to a PFX file with a private key, or remove it.");
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, settings.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"The certificate at DataProtection:CertificatePath ('{settings.CertificatePath}') has no private key; the key ring could not be read back with it.");
        }
        catch (CryptographicException exception)
        {
            throw new InvalidOperationException($"The certificate at DataProtection:CertificatePath ('{settings.CertificatePath}') cannot be opened: wrong DataProtection:CertificatePassword or not a PFX file.", exception);
        }
    }
}
