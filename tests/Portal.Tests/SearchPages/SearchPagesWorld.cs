using System.Globalization;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Search;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.SearchPages;

/// <summary>
/// One portal over TestContent plus a few documents of its own, shared (read-only) by the search page tests:
/// three "zephyrine" documents of different types created in order (the last is newest), an archived "quokkaline"
/// document, and a Published document with one overdue and one later action item for @bob.
/// </summary>
public sealed class SearchPagesWorld : IAsyncLifetime
{
    public static readonly Caller Carol = new()
    {
        ObjectId = "ca201000-0000-4000-8000-000000000003",
        Name = "Carol Li",
        UserName = "carol",
        Roles = [AppRoles.Admin, AppRoles.Contributor],
    };

    public static readonly (string Type, string Title, string Tag)[] Zephyrine =
    [
        ("weekly-report", "Zephyrine weekly report", "zephyr-weekly"),
        ("retrospective", "Zephyrine retrospective", "zephyr-retro"),
        ("data-report", "Zephyrine data report", "zephyr-data"),
    ];

    public PortalFactory Portal { get; } = new();

    public DateOnly Today { get; } = DateOnly.FromDateTime(DateTime.UtcNow);

    public string LateTask => "Late zephyrine follow-up";

    public string LaterTask => "Later zephyrine follow-up";

    public async Task<HttpClient> SignedInAsync(string user)
    {
        var client = await Portal.CreateReadyClientAsync();
        await client.SignInAsync(user);
        return client;
    }

    public async Task InitializeAsync()
    {
        await Portal.CreateReadyClientAsync();
        var repository = Portal.Services.GetRequiredService<DocumentRepository>();
        foreach (var (type, title, tag) in Zephyrine)
        {
            await repository.CreateAsync(
                new NewDocument { Type = type, Title = title, Markdown = "Notes about zephyrine numbers.", Tags = [tag], Status = DocumentStatus.Published },
                Carol,
                CancellationToken.None);
            await Task.Delay(20); // distinct update times for "newest first"
        }

        await repository.CreateAsync(
            new NewDocument { Type = "weekly-report", Title = "Quokkaline old report", Markdown = "The quokkaline figures.", Status = DocumentStatus.Archived },
            Carol,
            CancellationToken.None);
        var later = Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var late = Today.AddDays(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await repository.CreateAsync(
            new NewDocument
            {
                Type = "meeting-minutes",
                Title = "Zephyrine follow-up meeting",
                Markdown = $"## Action items\n\n- [ ] {LaterTask} @bob due:{later}\n- [ ] {LateTask} @bob due:{late}\n",
                Status = DocumentStatus.Published,
            },
            Carol,
            CancellationToken.None);
        await Portal.Services.GetRequiredService<IndexSynchronizer>().CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}
