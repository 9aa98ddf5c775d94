using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Search;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Access;

/// <summary>Documents made for one test through the real repository (then indexed), and the audit entries a test looks for.</summary>
public static class AccessTestData
{
    public const string ResearchGroup = "group:" + TestUsers.Research;

    public static Caller AsCaller(this TestIdentity identity) => new()
    {
        ObjectId = identity.ObjectId,
        Name = identity.Name,
        UserName = identity.UserName,
        Roles = identity.Roles,
        Groups = identity.Groups,
    };

    public static string Principal(this TestIdentity identity) => Caller.UserPrincipal(identity.ObjectId);

    /// <summary>A unique id and a unique searchable word (letters only) for one test's document.</summary>
    public static (string Id, string Word) NewName()
    {
        var letters = new string(Guid.NewGuid().ToString("N").Take(10).Select(c => (char)('a' + (Convert.ToInt32(c.ToString(), 16) % 26))).ToArray());
        return ("access-" + letters, "word" + letters);
    }

    /// <summary>Creates a published document owned by <paramref name="owner"/> whose text holds <paramref name="word"/>, and indexes it.</summary>
    public static async Task<DocumentManifest> CreateAsync(
        IServiceProvider services,
        TestIdentity owner,
        string id,
        string word,
        Confidentiality confidentiality,
        IReadOnlyList<string>? readers = null,
        IReadOnlyList<string>? editors = null,
        string title = "Access test document")
    {
        var manifest = await services.GetRequiredService<DocumentRepository>().CreateAsync(
            new NewDocument
            {
                Id = id,
                Type = "retrospective",
                Title = title,
                Markdown = $"This text holds the word {word} for the access tests.\n",
                Collection = "Retrospectives",
                Confidentiality = confidentiality,
                Readers = readers ?? [],
                Editors = editors ?? [],
                Status = DocumentStatus.Published,
            },
            owner.AsCaller(),
            CancellationToken.None);
        await services.GetRequiredService<IndexSynchronizer>().CatchUpAsync(CancellationToken.None);
        return manifest;
    }

    /// <summary>A manifest as JSON, to compare two reads of it (its lists compare by reference otherwise).</summary>
    public static string Json(DocumentManifest? manifest) => System.Text.Json.JsonSerializer.Serialize(manifest);

    /// <summary>
    /// Today's and yesterday's audit entries (a test running over midnight still finds its own), one per event: repeated
    /// refusals the log coalesced (counted in memory, written as one record with a count) are flushed and counted out.
    /// </summary>
    public static async Task<List<AuditEntry>> AuditAsync(IServiceProvider services, Func<AuditEntry, bool> where)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var entries = new List<AuditEntry>();
        var audit = services.GetRequiredService<AuditLog>();
        await audit.FlushAsync(CancellationToken.None);
        await foreach (var entry in audit.ReadAsync(today.AddDays(-1), today.AddDays(1), CancellationToken.None))
        {
            if (where(entry))
            {
                entries.AddRange(Enumerable.Repeat(entry with { Count = 1 }, entry.Count));
            }
        }

        // A record of repeats is written after its minute (or at the flush) and carries the last repeat's time.
        return [.. entries.OrderBy(e => e.Utc)];
    }
}
