using Azure.Core;
using Azure.Identity;
using KnowledgeHub.Portal.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Authentication.Azure;

namespace KnowledgeHub.Portal.People;

public static class PeopleServiceCollectionExtensions
{
    /// <summary>The HttpClient name of the Graph calls.</summary>
    public const string GraphClientName = "graph";

    /// <summary>
    /// The directory (<c>People:Directory</c> = Local or Graph), <see cref="PeopleNames"/>, and the resolution of group
    /// overage through it. Graph mode signs in as the app registration (<c>AzureAd:TenantId</c>, <c>AzureAd:ClientId</c>,
    /// <c>AzureAd:ClientSecret</c>) or, without a secret, with <see cref="DefaultAzureCredential"/> (managed identity).
    /// Tests replace <see cref="IAuthenticationProvider"/> to point it at a stand-in.
    /// </summary>
    public static IServiceCollection AddPortalPeople(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PeopleOptions>()
            .Bind(configuration.GetSection(PeopleOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => Uri.TryCreate(o.GraphBaseUrl, UriKind.Absolute, out _), "People:GraphBaseUrl must be an absolute URL such as https://graph.microsoft.com/v1.0.")
            .ValidateOnStart();
        services.AddMemoryCache();
        services.AddScoped<PeopleNames>();
        services.AddTransient<IClaimsTransformation, GroupOverageResolver>();
        var provider = configuration.GetSection(PeopleOptions.SectionName).GetValue(nameof(PeopleOptions.Directory), DirectoryProvider.Local);
        if (provider == DirectoryProvider.Graph)
        {
            services.AddHttpClient(GraphClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
            services.AddSingleton<IAuthenticationProvider>(sp => new AzureIdentityAuthenticationProvider(
                Credential(configuration), allowedHosts: [new Uri(sp.GetRequiredService<IOptions<PeopleOptions>>().Value.GraphBaseUrl).Host],
                observabilityOptions: null, isCaeEnabled: false, scopes: ["https://graph.microsoft.com/.default"]));
            services.AddSingleton(sp => new GraphServiceClient(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(GraphClientName),
                sp.GetRequiredService<IAuthenticationProvider>(),
                sp.GetRequiredService<IOptions<PeopleOptions>>().Value.GraphBaseUrl));
            services.AddSingleton<IDirectory, GraphDirectory>();
        }
        else
        {
            services.AddSingleton<IDirectory, LocalDirectory>();
        }

        return services;
    }

    private static TokenCredential Credential(IConfiguration configuration)
    {
        var azureAd = configuration.GetSection(EntraIdKeys.Section);
        var (tenant, client, secret) = (azureAd["TenantId"], azureAd["ClientId"], azureAd["ClientSecret"]);
        return !string.IsNullOrWhiteSpace(tenant) && !string.IsNullOrWhiteSpace(client) && !string.IsNullOrWhiteSpace(secret)
            ? new ClientSecretCredential(tenant, client, secret)
            : new DefaultAzureCredential();
    }
}
