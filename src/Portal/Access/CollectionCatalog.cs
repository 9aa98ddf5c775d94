using KnowledgeHub.Documents;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Access;

/// <summary>What a new document of a collection starts with.</summary>
public sealed class CollectionDefaults
{
    public Confidentiality Confidentiality { get; set; } = Confidentiality.Internal;

    public List<string> Readers { get; set; } = [];

    public List<string> Editors { get; set; } = [];
}

/// <summary>
/// The <c>Collections</c> section: collection name → defaults. Entries there replace the built-in ones of the same
/// name (<see cref="CollectionCatalog.BuiltIn"/>); collections named nowhere start Internal with empty lists.
/// </summary>
public sealed class CollectionOptions
{
    public const string SectionName = "Collections";

    public Dictionary<string, CollectionDefaults> Collections { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>The defaults a new document takes from its collection (and, when stricter, from its template).</summary>
public sealed class CollectionCatalog(IOptions<CollectionOptions> options)
{
    public const string ResearchGroup = "group:2e5ea2c4-0000-4000-8000-00000000a002";

    /// <summary>The defaults used when configuration does not name a collection.</summary>
    public static IReadOnlyDictionary<string, CollectionDefaults> BuiltIn { get; } =
        new Dictionary<string, CollectionDefaults>(StringComparer.OrdinalIgnoreCase)
        {
            ["Competitor research"] = new() { Confidentiality = Confidentiality.Confidential, Readers = [ResearchGroup] },
            ["User research"] = new() { Confidentiality = Confidentiality.Confidential, Readers = [ResearchGroup] },
            ["Retrospectives"] = new(),
            ["Reports"] = new(),
            ["Campaigns"] = new(),
            ["Meetings"] = new(),
            ["SOPs"] = new(),
        };

    /// <summary>The defaults of <paramref name="collection"/>, configuration first, then built in; null when unknown.</summary>
    public CollectionDefaults? Find(string? collection)
    {
        if (string.IsNullOrWhiteSpace(collection))
        {
            return null;
        }

        return options.Value.Collections.GetValueOrDefault(collection.Trim()) ?? BuiltIn.GetValueOrDefault(collection.Trim());
    }

    /// <summary>
    /// A new document's collection defaults applied: the stricter confidentiality of template and collection, the
    /// collection's readers and editors added to any the document already names.
    /// </summary>
    public NewDocument Apply(NewDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (Find(document.Collection) is not { } defaults)
        {
            return document;
        }

        return document with
        {
            Confidentiality = (Confidentiality)Math.Max((int)document.Confidentiality, (int)defaults.Confidentiality),
            Readers = [.. document.Readers.Union(defaults.Readers, StringComparer.OrdinalIgnoreCase)],
            Editors = [.. document.Editors.Union(defaults.Editors, StringComparer.OrdinalIgnoreCase)],
        };
    }
}

/// <summary>Refuses a <c>Collections</c> section naming a principal that is not one, with a sentence naming the setting.</summary>
public sealed class CollectionOptionsValidation : IValidateOptions<CollectionOptions>
{
    public ValidateOptionsResult Validate(string? name, CollectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var (collection, defaults) in options.Collections)
        {
            foreach (var (list, principals) in new[] { ("Readers", defaults.Readers), ("Editors", defaults.Editors) })
            {
                errors.AddRange(principals.Where(p => !PrincipalSyntax.IsValid(p)).Select(p =>
                    $"{CollectionOptions.SectionName}:{collection}:{list} holds '{p}', which is not a principal (user:<object id>, group:<object id> or role:<app role>)."));
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
