using System.Globalization;

namespace KnowledgeHub.Benchmarks.Cluster;

/// <summary>The "cluster" benchmark's command line.</summary>
public sealed record ClusterBenchOptions(int Documents, int Saves, int Writers, string Output)
{
    public const string Usage = """
        dotnet run -c Release --project tests/Benchmarks -- cluster [--docs 20000] [--saves 200] [--writers 4] [--out artifacts/bench/cluster.json] [--portal PATH/KnowledgeHub.Portal.dll] [--idle 20] [--seed FOLDER]
          Imports --docs documents into one Azurite, starts a portal node (it builds the index and publishes a snapshot),
          joins two more (they restore the snapshot), puts YARP in front, then measures save → searchable on the other
          nodes over --saves saves, measures the idle nodes' CPU over --idle seconds and kills a node under --writers
          concurrent writers. --portal runs another build of the portal (e.g. a copy, so a rebuild cannot disturb a run).
          --seed keeps the imported store in FOLDER (Azurite's files and the ids): the first run imports and fills it, later
          runs with the same --docs start from a copy of it and skip the import.
        """;

    /// <summary>The portal the nodes run (default: src/Portal's Release build); a copy keeps a run safe from rebuilds.</summary>
    public string? Portal { get; init; }

    /// <summary>Seconds over which the idle nodes' CPU is measured at the end.</summary>
    public int IdleSeconds { get; init; } = 20;

    /// <summary>A folder that keeps an imported store between runs (null: import every run).</summary>
    public string? Seed { get; init; }

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
                case "--portal" when value is not null && File.Exists(value):
                    options = options with { Portal = Path.GetFullPath(value) };
                    break;
                case "--idle" when int.TryParse(value, CultureInfo.InvariantCulture, out var idle) && idle >= 1:
                    options = options with { IdleSeconds = idle };
                    break;
                case "--seed" when value is not null:
                    options = options with { Seed = Path.GetFullPath(value) };
                    break;
                default:
                    return null;
            }

            i++;
        }

        return options;
    }
}
