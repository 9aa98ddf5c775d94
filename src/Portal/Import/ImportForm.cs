using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Import;
using KnowledgeHub.Portal.Access;

namespace KnowledgeHub.Portal.Import;

/// <summary>The import form's batch defaults as typed.</summary>
public sealed class ImportForm
{
    /// <summary>A template key; empty: from each file's front matter, else guessed from its headings.</summary>
    public string? Type { get; set; }

    public string? Collection { get; set; }

    /// <summary>Empty: the template's (and collection's) default.</summary>
    public string? Confidentiality { get; set; }

    /// <summary>Principals, separated by commas or new lines.</summary>
    public string? Readers { get; set; }

    public string? Editors { get; set; }

    public string? Tags { get; set; }

    /// <summary>The batch defaults, or the sentence naming what is wrong.</summary>
    public (ImportDefaults? Defaults, string? Error) ToDefaults(bool dryRun, CollectionCatalog collections)
    {
        ArgumentNullException.ThrowIfNull(collections);
        Confidentiality? level = null;
        if (!string.IsNullOrWhiteSpace(Confidentiality))
        {
            if (!Enum.TryParse<Confidentiality>(Confidentiality, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return (null, $"'{Confidentiality}' is not a confidentiality level.");
            }

            level = parsed;
        }

        var (readers, readerError) = Principals(Readers);
        var (editors, editorError) = Principals(Editors);
        if ((readerError ?? editorError) is { } error)
        {
            return (null, error);
        }

        return (new ImportDefaults
        {
            Type = Blank(Type),
            Collection = Blank(Collection),
            Confidentiality = level,
            Readers = readers,
            Editors = editors,
            Tags = Split(Tags),
            DryRun = dryRun,
            AccessDefaults = collections.Apply,
        }, null);
    }

    private static (IReadOnlyList<string> Principals, string? Error) Principals(string? text)
    {
        var result = new List<string>();
        foreach (var entry in Split(text))
        {
            var (principal, error) = PrincipalSyntax.Normalize(entry);
            if (principal is null)
            {
                return ([], error ?? $"“{entry}” is not a principal: write user:{{object id}}, group:{{object id}} or role:{{app role}}.");
            }

            result.Add(principal);
        }

        return (result, null);
    }

    private static IReadOnlyList<string> Split(string? text) =>
        text is null ? [] : [.. text.Split([',', '\n', '\r', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
