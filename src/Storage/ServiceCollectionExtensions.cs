using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Storage;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBlobStore"/> (a singleton of the backend named by Storage:Provider), the
    /// validated <see cref="StorageOptions"/>, the Azure <see cref="BlobServiceClient"/> (through
    /// Microsoft.Extensions.Azure, built only when the Azure backend is used), the "storage" health
    /// check and <see cref="StorageStartupCheck"/>. The backend is chosen once, from the validated
    /// options, when the store is first resolved, so configuration added after this call (tests,
    /// WebApplicationFactory) counts.
    /// </summary>
    public static IServiceCollection AddKnowledgeHubStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        services.AddAzureClients(clients =>
        {
            clients.UseCredential(_ => new DefaultAzureCredential());
            clients.AddClient<BlobServiceClient, BlobClientOptions>((_, credential, provider) =>
            {
                var azure = provider.GetRequiredService<IOptions<StorageOptions>>().Value.AzureBlob;
                var clientOptions = StorageClientOptions.Create(provider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>());
                return string.IsNullOrWhiteSpace(azure.ConnectionString)
                    ? new BlobServiceClient(new Uri(azure.ServiceUri!), credential, clientOptions)
                    : new BlobServiceClient(azure.ConnectionString, clientOptions);
            });
        });

        services.AddSingleton<IBlobStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Provider switch
            {
                StorageProvider.AzureBlob => new AzureBlobStore(
                    provider.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(options.AzureBlob.ContainerName)),
                _ => new FileSystemBlobStore(
                    options.FileSystem.ResolveRootPath(provider.GetService<IHostEnvironment>()?.ContentRootPath)),
            };
        });

        services.AddHealthChecks().AddCheck<BlobStoreHealthCheck>("storage", tags: ["ready"]);
        services.AddHostedService<StorageStartupCheck>();
        return services;
    }
}
