using System.Globalization;
using KnowledgeHub.Portal.Tests.Notifications;
using Microsoft.Playwright;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// One portal process and one Chromium for the whole assembly; each test opens its own context. The portal mails to
/// <see cref="Mail"/> (an SMTP sink on loopback) with links to its own address, and knows two more demo users who read
/// their e-mail in English: erin (Contributor) and frank (Contributor, Reviewer).
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public PortalProcess Portal { get; private set; } = null!;

    public SmtpSink Mail { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var browser = Chromium.LaunchAsync(); // meanwhile: the portal takes seconds to import the samples
        try
        {
            var port = PortalProcess.FreePort();
            Portal = await PortalProcess.StartAsync(Settings(port), port);
        }
        finally
        {
            (_playwright, Browser) = await browser;
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Portal is not null)
        {
            await Portal.DisposeAsync();
        }

        Mail.Dispose();
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Portal.BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    private Dictionary<string, string> Settings(int port)
    {
        var settings = new Dictionary<string, string>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = Mail.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Portal:PublicUrl"] = $"http://127.0.0.1:{port}",
            ["Notifications:Digest"] = "false",
        };
        (string UserName, string Id, string Name, string Roles)[] english =
        [
            ("erin", "e2140000-0000-4000-8000-000000000005", "Erin Walsh", "Contributor"),
            ("frank", "f2a40000-0000-4000-8000-000000000006", "Frank Moore", "Contributor,Reviewer"),
        ];
        for (var i = 0; i < english.Length; i++)
        {
            var (userName, id, name, roles) = english[i];
            var key = $"LocalUsers:{4 + i}:";
            settings[key + "UserName"] = userName;
            settings[key + "ObjectId"] = id;
            settings[key + "Name"] = name;
            settings[key + "Language"] = "en";
            settings[key + "Groups:0"] = "0a5e0000-0000-4000-8000-00000000a001";
            foreach (var (role, n) in roles.Split(',').Select((r, n) => (r, n)))
            {
                settings[key + $"Roles:{n}"] = role;
            }
        }

        return settings;
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
