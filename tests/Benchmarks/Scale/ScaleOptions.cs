using System.Globalization;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>The options of <c>-- scale</c>; paths are relative to the repository root.</summary>
public sealed record ScaleOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/Benchmarks -- scale --docs N [options]
          --docs N            documents to generate and import (default 1000)
          --connections N     concurrent connections of the home, search and static runs (default 8; search also at 32)
          --duration S        seconds measured per load run, after --warmup S seconds (defaults 10 and 10: the warm-up also lets the JIT finish tiering up the search path)
          --max-requests N    request cap per load run (default 200000)
          --saves N           save → searchable samples (default 100, at most 180 s in all)
          --idle S            seconds of idle CPU measurement, 10 s after the last request (default 30)
          --health PATH|auto  the readiness path; auto: /health/ready, else /healthz when that answers 404 (default auto)
          --health-calls N    health calls for health_files_created (default 1000)
          --import-threads N  concurrent creates during the import (default 1, as ContentImporter does)
          --start-timeout S   how long a start may take to be ready (default 600 + docs/50)
          --seed N            seed of the generated documents (default 20260601)
          --out PATH          the JSON report (default artifacts/bench/scale.json; the table goes beside it as .md)
          --corpus PATH       the help corpus folder (default .corpus/libreoffice-help)
          --data PATH         where the store and index go (default a new folder under the temp folder)
          --keep              keep the store and index afterwards (default: deleted)
          --portal-env N=V    an environment variable for every portal start, repeatable (e.g. DOTNET_GCgen0size=0x4000000,
                              as the Dockerfile sets it); the report names them
        """;

    public int Documents { get; init; } = 1000;

    public int Connections { get; init; } = 8;

    public int DurationSeconds { get; init; } = 10;

    public int WarmUpSeconds { get; init; } = 10;

    public int MaxRequests { get; init; } = 200_000;

    public int Saves { get; init; } = 100;

    public int IdleSeconds { get; init; } = 30;

    public string Health { get; init; } = "auto";

    public int HealthCalls { get; init; } = 1000;

    public int ImportThreads { get; init; } = 1;

    public int? StartTimeoutSeconds { get; init; }

    public int Seed { get; init; } = 20260601;

    public string Out { get; init; } = Path.Combine("artifacts", "bench", "scale.json");

    public string Corpus { get; init; } = Path.Combine(".corpus", "libreoffice-help");

    public string? Data { get; init; }

    public bool Keep { get; init; }

    /// <summary>Environment variables of every portal start (<c>--portal-env NAME=VALUE</c>), beside the run's own settings.</summary>
    public IReadOnlyDictionary<string, string> PortalEnvironment { get; init; } = new Dictionary<string, string>();

    public TimeSpan StartTimeout => TimeSpan.FromSeconds(StartTimeoutSeconds ?? (600 + (Documents / 50)));

    /// <summary>The options, or null (with a message on standard error) when an argument is not understood.</summary>
    public static ScaleOptions? Parse(ReadOnlySpan<string> args)
    {
        var options = new ScaleOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--keep")
            {
                options = options with { Keep = true };
                continue;
            }

            var value = i + 1 < args.Length ? args[i + 1] : null;
            ScaleOptions? next = (args[i], value) switch
            {
                ("--docs", { } v) when Positive(v) is { } n => options with { Documents = n },
                ("--connections", { } v) when Positive(v) is { } n and <= 256 => options with { Connections = n },
                ("--duration", { } v) when Positive(v) is { } n => options with { DurationSeconds = n },
                ("--warmup", { } v) when int.TryParse(v, CultureInfo.InvariantCulture, out var n) && n >= 0 => options with { WarmUpSeconds = n },
                ("--max-requests", { } v) when Positive(v) is { } n => options with { MaxRequests = n },
                ("--saves", { } v) when Positive(v) is { } n => options with { Saves = n },
                ("--idle", { } v) when Positive(v) is { } n => options with { IdleSeconds = n },
                ("--health", { Length: > 0 } v) when v == "auto" || v.StartsWith('/') => options with { Health = v },
                ("--health-calls", { } v) when Positive(v) is { } n => options with { HealthCalls = n },
                ("--import-threads", { } v) when Positive(v) is { } n and <= 64 => options with { ImportThreads = n },
                ("--start-timeout", { } v) when Positive(v) is { } n => options with { StartTimeoutSeconds = n },
                ("--seed", { } v) when int.TryParse(v, CultureInfo.InvariantCulture, out var n) => options with { Seed = n },
                ("--out", { Length: > 0 } v) => options with { Out = v },
                ("--corpus", { Length: > 0 } v) => options with { Corpus = v },
                ("--data", { Length: > 0 } v) => options with { Data = v },
                ("--portal-env", { } v) when EnvironmentEntry(v) is var (name, text) => options with
                {
                    PortalEnvironment = new Dictionary<string, string>(options.PortalEnvironment) { [name] = text },
                },
                _ => null,
            };
            if (next is null)
            {
                Console.Error.WriteLine($"Did not understand '{args[i]}'{(value is null ? "" : $" '{value}'")}.");
                return null;
            }

            options = next;
            i++;
        }

        return options;
    }

    /// <summary>NAME=VALUE with a name a shell would accept (letters, digits, underscores; not a digit first), else null.</summary>
    private static (string Name, string Value)? EnvironmentEntry(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var name = equals > 0 ? text[..equals] : "";
        return name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? (name, text[(equals + 1)..])
            : null;
    }

    private static int? Positive(string text) =>
        int.TryParse(text, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
