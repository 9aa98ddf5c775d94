using KnowledgeHub.Documents.Tests.Support;
using KnowledgeHub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Documents.Tests;

public sealed class WorkflowRegistrationTests : IDisposable
{
    private readonly TestStore store = new();

    public void Dispose() => store.Dispose();

    [Fact]
    public void Workflow_history_follower_and_attachments_resolve_with_the_default_50_MB_limit()
    {
        using var provider = Build([]);

        Assert.NotNull(provider.GetRequiredService<DocumentWorkflow>());
        Assert.NotNull(provider.GetRequiredService<DocumentHistory>());
        Assert.Same(provider.GetRequiredService<KnowledgeHub.Documents.Following.ChangeFollower>(), provider.GetRequiredService<KnowledgeHub.Documents.Following.ChangeFollower>());
        Assert.NotNull(provider.GetRequiredService<AttachmentService>());
        Assert.Equal(50L * 1024 * 1024, provider.GetRequiredService<IOptions<AttachmentOptions>>().Value.MaxBytes);
    }

    [Theory]
    [InlineData("Documents:Attachments:MaxBytes", "0", "The setting Documents:Attachments:MaxBytes must be between 1 and 4294967296 (4 GB).")]
    [InlineData("Documents:Attachments:MaxCompressionRatio", "1", "The setting Documents:Attachments:MaxCompressionRatio must be between 2 and 100000.")]
    public void A_wrong_attachment_setting_stops_start_up_with_a_sentence_naming_it(string key, string value, string sentence)
    {
        using var provider = Build(new() { [key] = value });

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AttachmentOptions>>().Value);

        Assert.Contains(sentence, e.Message);
    }

    [Fact]
    public void The_size_limit_is_configurable()
    {
        using var provider = Build(new() { ["Documents:Attachments:MaxBytes"] = "1048576" });

        Assert.Equal(1048576, provider.GetRequiredService<IOptions<AttachmentOptions>>().Value.MaxBytes);
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IBlobStore>(store.Blobs);
        services.AddKnowledgeHubDocuments(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
