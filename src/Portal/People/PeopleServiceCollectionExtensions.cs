using Azure.Core;
using Azure.Identity;
using KnowledgeHub.Portal.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace KnowledgeHub.Portal.People;

public static class PeopleServiceCollectionExtensions
{
    /// <summary>The HttpClient name of the Graph calls.</summary>
    public const string GraphClientName = "graph";

    /// <summary>
    /// The directory (<c>People:Directory</c> = Local or Graph), <see cref="PeopleNames"/>, and the resolution of group
    /// overage through it. Graph mode calls Graph for the signed-in user with their delegated token where there is one
    /// (<see cref="GraphAuthentication"/>; Entra mode acquires it at sign-in), and as the app registration
    /// (<c>AzureAd:TenantId</c>, <c>AzureAd:ClientId</c>, <c>AzureAd:ClientSecret</c>, or without a secret
    /// <see cref="DefaultAzureCredential"/>: managed identity) for work without a user. Tests replace
    /// <see cref="GraphAppCredential"/>, ITokenAcquisition or <see cref="IAuthenticationProvider"/> to point it at a stand-in.
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
            services.AddHttpContextAccessor();
            services.TryAddSingleton(_ => new GraphAppCredential(Credential(configuration)));
            services.AddSingleton<IAuthenticationProvider>(sp => new GraphAuthentication(
                sp.GetRequiredService<IHttpContextAccessor>(), sp, sp.GetRequiredService<GraphAppCredential>(),
                new Uri(sp.GetRequiredService<IOptions<PeopleOptions>>().Value.GraphBaseUrl)));
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
