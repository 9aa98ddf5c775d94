using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Relevance;

/// <summary>A row of <c>tests/relevance/domain-queries.tsv</c>: half (tune/held), kind (same/cross), the query, the documents that count as found.</summary>
public sealed record DomainQuery(string Half, string Kind, string Query, IReadOnlyList<string> Expected);

/// <summary>What a query found: the rank (1-based) of the first expected document in the top 3, 0 when none; the top ids; the total.</summary>
public sealed record DomainOutcome(DomainQuery Query, int Rank, IReadOnlyList<string> Top, int Total)
{
    public bool Found => Rank > 0;
}

/// <summary>
/// The domain relevance table (shared by the test that asserts its floors and the "relevance" benchmark): loads the
/// queries, runs each as the given caller with archived documents included (they stay searchable on request), and
/// computes Success@3 by half and kind.
/// </summary>
public static class DomainRelevance
{
    public const int Top = 3;

    /// <summary>The table's "today": the sample content's demo day, noon in Shanghai.</summary>
    public static readonly DateTimeOffset Today = new(2026, 11, 29, 12, 0, 0, TimeSpan.FromHours(8));

    public static string LocateTable(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "relevance", "domain-queries.tsv");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("tests/relevance/domain-queries.tsv was not found above " + (start ?? AppContext.BaseDirectory));
    }

    public static IReadOnlyList<DomainQuery> Load(string? path = null) =>
        [.. File.ReadAllLines(path ?? LocateTable())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(cells => new DomainQuery(cells[0], cells[1], cells[2], cells[3].Split(' ', StringSplitOptions.RemoveEmptyEntries)))];

    public static IReadOnlyList<DomainOutcome> Run(SearchService search, Caller caller, IEnumerable<DomainQuery> queries)
    {
        ArgumentNullException.ThrowIfNull(search);
        return [.. queries.Select(query =>
        {
            var results = search.Search(new SearchRequest { Query = query.Query, Caller = caller, PageSize = Top, IncludeArchived = true });
            var top = results.Hits.Select(h => h.DocumentId).ToList();
            var rank = top.FindIndex(query.Expected.Contains) + 1;
            return new DomainOutcome(query, rank, top, results.Total);
        })];
    }

    /// <summary>Success@3 of the outcomes that pass <paramref name="filter"/> (NaN when none).</summary>
    public static double SuccessAt3(IEnumerable<DomainOutcome> outcomes, Func<DomainOutcome, bool>? filter = null)
    {
        var chosen = outcomes.Where(filter ?? (_ => true)).ToList();
        return chosen.Count == 0 ? double.NaN : (double)chosen.Count(o => o.Found) / chosen.Count;
    }
}

/// <summary>A clock that always says <see cref="DomainRelevance.Today"/>.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
