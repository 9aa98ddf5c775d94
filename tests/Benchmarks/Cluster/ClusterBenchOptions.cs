using System.Globalization;

namespace KnowledgeHub.Benchmarks.Cluster;

/// <summary>The "cluster" benchmark's command line.</summary>
public sealed record ClusterBenchOptions(int Documents, int Saves, int Writers, string Output)
{
    public const string Usage = """
        dotnet run -c Release --project tests/Benchmarks -- cluster [--docs 20000] [--saves 200] [--writers 4] [--out artifacts/bench/cluster.json]
          Imports --docs documents into one Azurite, starts a portal node (it builds the index and publishes a snapshot),
          joins two more (they restore the snapshot), puts YARP in front, then measures save → searchable on the other
          nodes over --saves saves and kills a node under --writers concurrent writers.
        """;

    public static ClusterBenchOptions? Parse(ReadOnlySpan<string> args)
    {
        var options = new ClusterBenchOptions(20_000, 200, 4, Path.Combine("artifacts", "bench", "cluster.json"));
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--docs" when int.TryParse(value, CultureInfo.InvariantCulture, out var docs) && docs >= 10:
                    options = options with { Documents = docs };
                    break;
                case "--saves" when int.TryParse(value, CultureInfo.InvariantCulture, out var saves) && saves >= 1:
                    options = options with { Saves = saves };
                    break;
                case "--writers" when int.TryParse(value, CultureInfo.InvariantCulture, out var writers) && writers >= 1:
                    options = options with { Writers = writers };
                    break;
                case "--out" when value is not null:
                    options = options with { Output = value };
                    break;
                default:
                    return null;
            }

            i++;
        }

        return options;
    }
}
