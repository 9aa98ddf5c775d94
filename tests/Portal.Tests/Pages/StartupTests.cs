using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Pages;

public sealed class StartupTests
{
    public static TheoryData<string, Dictionary<string, string>, string> RefusedConfigurations => new()
    {
        {
            "Production",
            new() { ["Authentication:Mode"] = "Local" },
            "Local sign-in is for development only; set Authentication:Mode to EntraId in Production."
        },
        {
            "Production",
            new() { ["Authentication:Mode"] = "EntraId" },
            "Authentication:Mode is EntraId but AzureAd:ClientId is not set."
        },
        {
            "Development",
            new() { ["Authentication:Mode"] = "EntraId", ["AzureAd:ClientId"] = "" },
            "Authentication:Mode is EntraId but AzureAd:ClientId is not set."
        },
    };

    [Theory]
    [MemberData(nameof(RefusedConfigurations))]
    public async Task The_portal_refuses_to_start_with_a_sentence_naming_the_setting(
        string environment, Dictionary<string, string> settings, string sentence)
    {
        var error = await PortalFactory.StartErrorAsync(environment, settings);

        Assert.NotNull(error);
        Assert.Contains(sentence, Messages(error));
    }

    [Fact]
    public async Task Entra_ID_mode_with_a_client_id_starts_and_challenges_with_OpenID_Connect()
    {
        await using var portal = PortalFactory.With("Production", new Dictionary<string, string>
        {
            ["Authentication:Mode"] = "EntraId",
            ["AzureAd:TenantId"] = "7e4a0000-0000-4000-8000-0000000000aa",
            ["AzureAd:ClientId"] = "0c11e000-0000-4000-8000-0000000000c1",
        });
        await portal.CreateReadyClientAsync();

        var schemes = portal.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        Assert.Equal("OpenIdConnect", (await schemes.GetDefaultChallengeSchemeAsync())!.Name);
        Assert.Equal("Cookies", (await schemes.GetDefaultForbidSchemeAsync())!.Name);
    }

    [Fact]
    public async Task The_portal_stops_when_storage_is_unreachable()
    {
        var file = Path.Combine(Path.GetTempPath(), "kh-tests", Guid.NewGuid().ToString("N") + ".txt");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "a file where the storage folder should be");
        try
        {
            var error = await PortalFactory.StartErrorAsync("Development", new Dictionary<string, string> { ["Storage:FileSystem:RootPath"] = file });

            Assert.NotNull(error);
            Assert.Contains("Storage:FileSystem:RootPath", Messages(error));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_portal_imports_the_content_folder_into_an_empty_store_at_start()
    {
        await using var portal = new PortalFactory();
        portal.CreatePortalClient();

        Assert.Equal(PortalFactory.SampleCount, await portal.CountDocumentsAsync());
    }

    private static string Messages(Exception error)
    {
        var all = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            all.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                all.AddRange(aggregate.InnerExceptions.Select(i => i.Message));
            }
        }

        return string.Join("\n", all);
    }
}
