using System.Collections.Concurrent;
using KnowledgeHub.Documents;
using KnowledgeHub.Search;

namespace KnowledgeHub.Portal.Tests.Access;

/// <summary>A leak-test document: its manifest and the two canaries only it holds.</summary>
public sealed record CanaryDocument(DocumentManifest Manifest, string Canary, string ChineseCanary);

/// <summary>
/// The seeded world of the leak test: <see cref="DocumentCount"/> documents with random confidentiality, owners,
/// readers (users, groups, roles) and editors, each holding an English canary word ("canary" + 6 letters, also in
/// its title and id) and a Chinese one (金丝雀 + two characters), plus common words; <see cref="UserCount"/> users
/// with random roles and groups (one of them an Admin). Everything derives from <see cref="Seed"/>.
/// </summary>
public sealed class SearchLeakWorld : IAsyncLifetime
{
    public const int Seed = 20261129;
    public const int DocumentCount = 150;
    public const int UserCount = 12;
    public const string Consonants = "bcdfghjkmnpqrtvwxz"; // no vowels, l, s or y: nothing a stemmer would cut
    public const string ChineseSuffixes = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";

    /// <summary>The word every Chinese canary starts with; its two characters follow.</summary>
    public const string ChineseCanaryWord = "金丝雀";
    public static readonly string[] CommonWords = ["pelican", "marigold", "zephyr", "lantern"];
    public const string ChineseCommonWord = "季度复盘";

    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> matches = new(StringComparer.Ordinal);
    private readonly HashSet<string> usedCanaries = new(StringComparer.Ordinal);
    private readonly TestUser admin = new(TestUser.Id(1, 0xad), "leak-oracle", [AppRoles.Admin], []);

    public TestCallerPortal Host { get; } = new();

    public IReadOnlyList<TestUser> Users { get; private set; } = [];

    public IReadOnlyList<CanaryDocument> Documents { get; private set; } = [];

    /// <summary>Every manifest in the store (the leak documents and the test samples), by id.</summary>
    public IReadOnlyDictionary<string, DocumentManifest> Manifests { get; private set; } = new Dictionary<string, DocumentManifest>();

    public bool CanRead(TestUser user, string documentId) => DocumentAccess.CanRead(Manifests[documentId], user.Caller);

    /// <summary>Every document matching <paramref name="query"/> regardless of access (an Admin reads everything), straight from the search service.</summary>
    public IReadOnlySet<string> AllMatches(string query) => matches.GetOrAdd(query, q =>
    {
        var search = Host.Get<SearchService>();
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var results = search.Search(new SearchRequest { Query = q, Caller = admin.Caller, Page = page, PageSize = SearchService.MaxPageSize });
            found.UnionWith(results.Hits.Select(h => h.DocumentId));
            if (page >= results.PageCount)
            {
                return found;
            }
        }
    });

    public async Task InitializeAsync()
    {
        var random = new Random(Seed);
        var groups = Enumerable.Range(0, 6).Select(g => TestUser.Id(2, 0x100 + g)).ToArray();
        Users = Enumerable.Range(0, UserCount).Select(u => new TestUser(
            TestUser.Id(1, 0x100 + u),
            "leak-user-" + u,
            u == UserCount - 1 ? [AppRoles.Admin] : Pick(random, [AppRoles.Reader, AppRoles.Contributor, AppRoles.Reviewer], 0.5, atLeastOne: true),
            Pick(random, groups, 0.3, atLeastOne: false))).ToList();
        var outsider = new TestUser(TestUser.Id(1, 0x999), "leak-outsider", [AppRoles.Contributor], []);
        var plans = Enumerable.Range(0, DocumentCount).Select(i => Plan(random, i, groups, outsider)).ToList();

        await Host.WaitUntilReadyAsync();
        var repository = Host.Get<DocumentRepository>();
        var created = new ConcurrentDictionary<int, DocumentManifest>();
        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (plan, token) =>
            created[plan.Number] = await repository.CreateAsync(plan.Document, plan.Owner.Caller, token));
        await Host.Get<IndexSynchronizer>().CatchUpAsync(CancellationToken.None);

        Documents = plans.Select(p => new CanaryDocument(created[p.Number], p.Canary, p.ChineseCanary)).ToList();
        var all = new Dictionary<string, DocumentManifest>(StringComparer.Ordinal);
        await foreach (var manifest in repository.ListAsync(CancellationToken.None))
        {
            all[manifest.Id] = manifest;
        }

        Manifests = all;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    private (int Number, NewDocument Document, TestUser Owner, string Canary, string ChineseCanary) Plan(Random random, int i, string[] groups, TestUser outsider)
    {
        string canary;
        do
        {
            canary = "canary" + new string(Enumerable.Range(0, 6).Select(_ => Consonants[random.Next(Consonants.Length)]).ToArray());
        }
        while (!usedCanaries.Add(canary));

        var chinese = ChineseCanaryWord + ChineseSuffixes[i / ChineseSuffixes.Length] + ChineseSuffixes[i % ChineseSuffixes.Length];
        var confidentiality = random.NextDouble() switch { < 0.2 => Confidentiality.Internal, < 0.6 => Confidentiality.Confidential, _ => Confidentiality.Restricted };
        var owner = random.NextDouble() < 0.25 ? outsider : Users[random.Next(Users.Count)];
        var readers = Enumerable.Range(0, random.Next(4)).Select(_ => random.NextDouble() switch
        {
            < 0.5 => Users[random.Next(Users.Count)].Principal,
            < 0.85 => Caller.GroupPrincipal(groups[random.Next(groups.Length)]),
            _ => Caller.RolePrincipal(random.Next(2) == 0 ? AppRoles.Reviewer : AppRoles.Contributor),
        }).Distinct().ToList();
        var editors = random.NextDouble() < 0.2 ? [Users[random.Next(Users.Count)].Principal] : new List<string>();
        var common = CommonWords.Where(_ => random.Next(2) == 0).ToList();
        if (random.Next(2) == 0)
        {
            common.Add(ChineseCommonWord);
        }

        var document = new NewDocument
        {
            Id = "leak-" + canary,
            Type = "retrospective",
            Title = "Leak probe " + canary,
            Markdown = $"Field note {i}. The secret word is {canary} sentinel, 暗号 {chinese} 。\n\n{string.Join(' ', common)}\n",
            Collection = "Retrospectives",
            Confidentiality = confidentiality,
            Readers = readers,
            Editors = editors,
            Status = DocumentStatus.Published,
        };
        return (i, document, owner, canary, chinese);
    }

    private static string[] Pick(Random random, string[] from, double chance, bool atLeastOne)
    {
        var picked = from.Where(_ => random.NextDouble() < chance).ToArray();
        return picked.Length == 0 && atLeastOne ? [from[random.Next(from.Length)]] : picked;
    }
}
