using System.Text.RegularExpressions;
using KnowledgeHub.Portal.Access;
using KnowledgeHub.Portal.Resources;
using Microsoft.Extensions.Localization;

namespace KnowledgeHub.Portal.People;

/// <summary>An access list read from a form: the principals, or one sentence per entry that could not be read.</summary>
public sealed record ResolvedList(IReadOnlyList<string> Principals, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Names, not ids: turns what people type (a name, an e-mail address, a user name, "Name &lt;e-mail&gt;", or a raw
/// <c>user:</c>/<c>group:</c>/<c>role:</c> principal) into principals through the <see cref="IDirectory"/>, and
/// principals back into names and into the text a form field holds.
/// </summary>
public sealed partial class PeopleNames(IDirectory directory, IStringLocalizer<PeopleText> text)
{
    public const int MaxEntries = 100;

    private static readonly char[] Separators = ['\n', '\r', ';', '；'];

    /// <summary>Reads one list (one entry per line); duplicates are dropped, order kept.</summary>
    public async Task<ResolvedList> ParseAsync(string? input, CancellationToken cancellationToken)
    {
        var entries = (input ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length > MaxEntries)
        {
            return new ResolvedList([], [text["TooManyEntries", MaxEntries]]);
        }

        var principals = new List<string>();
        var errors = new List<string>();
        foreach (var entry in entries)
        {
            var (principal, error) = await ResolveAsync(entry, cancellationToken);
            if (principal is not null && !principals.Contains(principal, StringComparer.OrdinalIgnoreCase))
            {
                principals.Add(principal);
            }
            else if (error is not null)
            {
                errors.Add(error);
            }
        }

        return new ResolvedList(principals, errors);
    }

    /// <summary>One entry as a principal, or a sentence saying why it is not one.</summary>
    public async Task<(string? Principal, string? Error)> ResolveAsync(string entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var key = entry.Trim();
        if (Bracketed().Match(key) is { Success: true } match)
        {
            key = match.Groups["key"].Value.Trim();
        }

        if (string.Equals(key, KnowledgeHub.Documents.Caller.Everyone, StringComparison.OrdinalIgnoreCase))
        {
            return (null, text["NoEveryone"]);
        }

        var (principal, error) = PrincipalSyntax.Normalize(key);
        if (principal is not null)
        {
            return (principal, null);
        }

        if (error is not null)
        {
            return (null, text["BadPrincipal", key]);
        }

        if (Guid.TryParse(key, out var oid))
        {
            return (PrincipalSyntax.UserPrefix + oid.ToString("D"), null);
        }

        var found = await directory.ResolveAsync(key, cancellationToken);
        return found.Count switch
        {
            1 => (PrincipalSyntax.Normalize(found[0].Principal).Principal ?? found[0].Principal, null),
            0 => (null, text["Unknown", entry.Trim()]),
            _ => (null, text["Ambiguous", entry.Trim(), string.Join("; ", found.Take(5).Select(f => f.Input))]),
        };
    }

    /// <summary>The text a form field holds for <paramref name="principal"/>: "Name &lt;e-mail&gt;", a group's name, or the principal.</summary>
    public async Task<string> InputAsync(string principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (await directory.FindAsync(principal, cancellationToken) is not { } entry)
        {
            return principal;
        }

        // A group's bare name is enough unless another entry answers to it too.
        if (entry.Kind == EntryKinds.Group && (await directory.ResolveAsync(entry.Name, cancellationToken)).Count == 1)
        {
            return entry.Name;
        }

        return entry.Input;
    }

    /// <summary>The name to show for a principal (a person's or group's name, a role's label), or the principal itself.</summary>
    public async Task<string> NameAsync(string principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.StartsWith(PrincipalSyntax.RolePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return text["Role", principal[PrincipalSyntax.RolePrefix.Length..]];
        }

        return (await directory.FindAsync(principal, cancellationToken))?.Name ?? principal;
    }

    /// <summary>Names of several principals at once (each looked up once).</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> principals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principals);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var principal in principals.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            names[principal] = await NameAsync(principal, cancellationToken);
        }

        return names;
    }

    [GeneratedRegex(@"^[^<>]*<(?<key>[^<>]+)>\s*$")]
    private static partial Regex Bracketed();
}
