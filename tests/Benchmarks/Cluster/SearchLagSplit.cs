using System.Globalization;
using System.Text.RegularExpressions;

namespace KnowledgeHub.Benchmarks.Cluster;

/// <summary>
/// Where save → searchable goes on the reading nodes, from their debug lines (the benchmark turns them on): the change
/// log read (<c>ReadMs</c>) and how old the newest change was when read (<c>NewestAtReadMs</c>: the follower's poll delay
/// plus the read), the index's read and indexing of the documents (<c>ApplyMs</c>), its commit and refresh
/// (<c>CommitMs</c>), and each batch's oldest change from its append to searchable there (<c>SearchableMs</c>). Batches of
/// the join's catch-up (changes older than a minute) are left out.
/// </summary>
public sealed partial record SearchLagSplit(Percentiles ReadMs, Percentiles NewestAtReadMs, Percentiles ApplyMs, Percentiles CommitMs, Percentiles SearchableMs)
{
    private const double Fresh = 60_000;

    public static SearchLagSplit Of(IEnumerable<string> outputs)
    {
        List<double> read = [], newestAtRead = [], apply = [], commit = [], searchable = [];
        foreach (var line in outputs.SelectMany(o => o.Split('\n')))
        {
            if (ReadLine().Match(line) is { Success: true } r && Number(r, "newest") < Fresh)
            {
                read.Add(Number(r, "read"));
                newestAtRead.Add(Number(r, "newest"));
            }
            else if (LagLine().Match(line) is { Success: true } l && Number(l, "oldest") < Fresh)
            {
                searchable.Add(Number(l, "oldest"));
                apply.Add(Number(l, "apply"));
                commit.Add(Number(l, "commit"));
            }
        }

        return new SearchLagSplit(Percentiles.Of(read), Percentiles.Of(newestAtRead), Percentiles.Of(apply), Percentiles.Of(commit), Percentiles.Of(searchable));
    }

    private static double Number(Match match, string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Change log read: \d+ changes in (?<read>\d+) ms, the newest appended (?<newest>-?\d+) ms before")]
    private static partial Regex ReadLine();

    [GeneratedRegex(@"Search lag: \d+ changes searchable (?<oldest>-?\d+) ms \(oldest\) / -?\d+ ms \(newest\) after their append; read and indexed in (?<apply>\d+) ms, committed in (?<commit>\d+) ms")]
    private static partial Regex LagLine();
}
