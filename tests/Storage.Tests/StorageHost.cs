using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KnowledgeHub.Storage.Tests;

/// <summary>A real generic host with only AddKnowledgeHubStorage and the given settings.</summary>
public static class StorageHost
{
    public static IHost Build(string contentRoot, IDictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddKnowledgeHubStorage(builder.Configuration);
        return builder.Build();
    }
}
