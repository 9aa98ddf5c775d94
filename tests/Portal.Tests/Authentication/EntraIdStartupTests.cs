using KnowledgeHub.Portal.Authentication;
using KnowledgeHub.Portal.Tests.Infrastructure;

namespace KnowledgeHub.Portal.Tests.Authentication;

/// <summary>Entra ID mode with a key missing stops at start with a sentence naming the key.</summary>
public sealed class EntraIdStartupTests
{
    private const string Tenant = EntraIdPortal.Tenant;
    private const string Client = EntraIdPortal.ClientId;

    public static TheoryData<string, Dictionary<string, string>, string> MissingKeys => new()
    {
        { "Production", new() { ["AzureAd:TenantId"] = Tenant, ["AzureAd:ClientId"] = "" }, AuthenticationSetup.EntraIdNeedsClientId },
        { "Production", new() { ["AzureAd:TenantId"] = "", ["AzureAd:ClientId"] = Client }, AuthenticationSetup.EntraIdNeedsTenantId },
        { "Production", new() { ["AzureAd:TenantId"] = Tenant, ["AzureAd:ClientId"] = Client, ["AzureAd:Instance"] = "" }, AuthenticationSetup.EntraIdNeedsInstance },
        { "Development", new() { ["AzureAd:ClientId"] = Client }, AuthenticationSetup.EntraIdNeedsTenantId },
        { "Development", new() { ["AzureAd:TenantId"] = Tenant }, AuthenticationSetup.EntraIdNeedsClientId },
    };

    [Theory]
    [MemberData(nameof(MissingKeys))]
    public async Task Entra_ID_mode_refuses_to_start_with_a_sentence_naming_the_missing_key(
        string environment, Dictionary<string, string> settings, string sentence)
    {
        settings["Authentication:Mode"] = "EntraId";

        var error = await PortalFactory.StartErrorAsync(environment, settings);

        Assert.NotNull(error);
        Assert.Contains(sentence, Messages(error));
    }

    [Fact]
    public void The_sentences_name_the_keys_exactly()
    {
        Assert.Equal("Authentication:Mode is EntraId but AzureAd:ClientId is not set.", AuthenticationSetup.EntraIdNeedsClientId);
        Assert.Equal("Authentication:Mode is EntraId but AzureAd:TenantId is not set.", AuthenticationSetup.EntraIdNeedsTenantId);
        Assert.Equal("Authentication:Mode is EntraId but AzureAd:Instance is not set.", AuthenticationSetup.EntraIdNeedsInstance);
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
