using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Following;
using KnowledgeHub.Documents.Import;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Import;

/// <summary>
/// <c>dotnet run --project src/Portal -- import PATH [--dry-run] [--type T] [--collection C] [--confidentiality L]
/// [--readers P,P] [--editors P,P] [--tags T,T] [--owner OID] [--owner-name NAME]</c>: imports a folder or a zip with
/// the portal's own services and settings (any other <c>--Key=Value</c> is configuration, e.g.
/// <c>--Storage:FileSystem:RootPath=...</c>), without starting the web host or opening the search index — a running
/// portal indexes the new documents from the change log. Exit codes: 0 all imported, 1 some files failed, 2 the batch
/// or the arguments were refused.
/// </summary>
public sealed class ImportCommand
{
    public const string Verb = "import";

    public const string Usage =
        "Usage: dotnet run --project src/Portal -- import PATH [--dry-run] [--type T] [--collection C] [--confidentiality Internal|Confidential|Restricted]\n" +
        "       [--readers P,P] [--editors P,P] [--tags T,T] [--owner OID] [--owner-name NAME] [--Key=Value ...]\n" +
        "  PATH: a folder or a .zip of Word (.docx), PDF and Markdown files. Principals: user:{oid}, group:{id}, role:{name}, everyone.";

    private ImportCommand(string[] hostArgs, string? path, ImportDefaults defaults, string owner, string ownerName, string? error)
    {
        (HostArgs, Path, Defaults, Owner, OwnerName, Error) = (hostArgs, path, defaults, owner, ownerName, error);
    }

    /// <summary>The arguments left for the host's configuration.</summary>
    public string[] HostArgs { get; }

    public string? Path { get; }

    public ImportDefaults Defaults { get; }

    public string Owner { get; }

    public string OwnerName { get; }

    public string? Error { get; }

    /// <summary>Null unless <paramref name="args"/> start with <c>import</c>.</summary>
    public static ImportCommand? Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] != Verb)
        {
            return null;
        }

        var (hostArgs, values, flags) = (new List<string>(), new Dictionary<string, string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        string? path = null;
        string? error = null;
        string[] options = ["--type", "--collection", "--confidentiality", "--readers", "--editors", "--tags", "--owner", "--owner-name"];
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--dry-run")
            {
                flags.Add(arg);
            }
            else if (options.Contains(arg))
            {
                if (i + 1 >= args.Length)
                {
                    error = $"{arg} needs a value.";
                    break;
                }

                values[arg] = args[++i];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal))
            {
                hostArgs.Add(arg);
            }
            else if (path is null && !arg.StartsWith('-'))
            {
                path = arg;
            }
            else
            {
                error = $"'{arg}' is not an option of import.";
                break;
            }
        }

        Confidentiality? level = null;
        if (values.TryGetValue("--confidentiality", out var text))
        {
            level = Enum.TryParse<Confidentiality>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
            error ??= level is null ? $"--confidentiality must be Internal, Confidential or Restricted, not '{text}'." : null;
        }

        error ??= path is null ? "Name the folder or zip file to import." : null;
        var defaults = new ImportDefaults
        {
            DryRun = flags.Contains("--dry-run"),
            Type = values.GetValueOrDefault("--type"),
            Collection = values.GetValueOrDefault("--collection"),
            Confidentiality = level,
            Readers = List(values.GetValueOrDefault("--readers")),
            Editors = List(values.GetValueOrDefault("--editors")),
            Tags = List(values.GetValueOrDefault("--tags")),
        };
        var owner = values.GetValueOrDefault("--owner") ?? "cli-" + Environment.UserName.ToLowerInvariant();
        return new ImportCommand([.. hostArgs], path, defaults, owner, values.GetValueOrDefault("--owner-name") ?? owner, error);
    }

    /// <summary>Builds the portal's services from <paramref name="builder"/> (without starting them) and runs the batch.</summary>
    public async Task<int> RunAsync(WebApplicationBuilder builder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (Error is not null)
        {
            await Console.Error.WriteLineAsync(Error + "\n" + Usage);
            return 2;
        }

        // No index in this process (a running portal holds it): writes do not wait for one.
        builder.Services.RemoveAll<IChangeConsumer>();
        builder.Services.Configure<FollowingOptions>(o => o.WaitForChange = TimeSpan.Zero);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        });
        await using var app = builder.Build();
        await ActivatorUtilities.CreateInstance<ContentImportService>(app.Services).StartAsync(cancellationToken);

        var caller = new Caller { ObjectId = Owner, Name = OwnerName, Roles = [AppRoles.Contributor] };
        var limits = new ImportLimits { MaxFileBytes = app.Services.GetRequiredService<IOptions<AttachmentOptions>>().Value.MaxBytes };
        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<BulkImporter>();
        var progress = new ImportProgress();
        try
        {
            await using var source = ImportSource.Open(Resolve(Path!), limits);
            await using var printer = new ImportConsole(progress, Console.Error);
            var report = await importer.RunAsync(source, Defaults, caller, progress, cancellationToken);
            await printer.StopAsync();
            await ImportConsole.WriteReportAsync(report, Console.Out);
            return report.Count(ImportOutcome.Failed) > 0 ? 1 : 0;
        }
        catch (ImportRefusedException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }

    /// <summary>
    /// A relative PATH is taken from the shell's folder: <c>dotnet run</c> starts the app in the project's folder, but
    /// keeps the shell's <c>PWD</c>.
    /// </summary>
    private static string Resolve(string path)
    {
        if (System.IO.Path.IsPathRooted(path))
        {
            return path;
        }

        var shell = Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd ? System.IO.Path.GetFullPath(System.IO.Path.Combine(pwd, path)) : null;
        return shell is not null && (Directory.Exists(shell) || File.Exists(shell)) ? shell : System.IO.Path.GetFullPath(path);
    }

    private static IReadOnlyList<string> List(string? text) =>
        text is null ? [] : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
