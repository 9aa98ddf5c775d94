using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace KnowledgeHub.Documents;

/// <summary>
/// YAML front matter: <c>---\n(yaml)\n---\n(body)</c>. Tolerates a BOM and CRLF line endings (both are
/// normalized away: the body comes back with <c>\n</c> line endings). Text without front matter parses
/// to empty fields and the whole text as body.
/// </summary>
public static class FrontMatter
{
    private const string Fence = "---";

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .DisableAliases()
        .WithQuotingNecessaryStrings()
        .Build();

    /// <summary>Splits and parses; throws <see cref="FormatException"/> when the YAML is malformed or not a mapping.</summary>
    public static FrontMatterDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Normalize(text);
        if (!normalized.StartsWith(Fence + "\n", StringComparison.Ordinal))
        {
            return new FrontMatterDocument(new Dictionary<string, object?>(), normalized);
        }

        var yamlStart = Fence.Length + 1;
        var (yamlEnd, bodyStart) = FindClosingFence(normalized, yamlStart);
        if (yamlEnd < 0)
        {
            return new FrontMatterDocument(new Dictionary<string, object?>(), normalized);
        }

        var fields = ParseYaml(normalized[yamlStart..yamlEnd]);
        return new FrontMatterDocument(fields, normalized[bodyStart..]);
    }

    /// <summary>
    /// Writes front matter then the body. Values may be strings (or other scalars), sequences of values,
    /// or string-keyed dictionaries; null values are skipped.
    /// </summary>
    public static string Write(IEnumerable<KeyValuePair<string, object?>> fields, string body)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(body);
        var map = new Dictionary<string, object?>();
        foreach (var (key, value) in fields)
        {
            if (value is not null)
            {
                map[key] = value;
            }
        }

        var builder = new StringBuilder();
        builder.Append(Fence).Append('\n');
        if (map.Count > 0)
        {
            builder.Append(Serializer.Serialize(map).Replace("\r\n", "\n", StringComparison.Ordinal));
        }

        builder.Append(Fence).Append('\n');
        // Line endings only: a body that starts with U+FEFF keeps it (a BOM is only a BOM at the start of the file).
        builder.Append(NormalizeLineEndings(body));
        return builder.ToString();
    }

    private static string Normalize(string text)
    {
        var withoutBom = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        return NormalizeLineEndings(withoutBom);
    }

    private static string NormalizeLineEndings(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static (int YamlEnd, int BodyStart) FindClosingFence(string text, int from)
    {
        var lineStart = from;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var line = lineEnd < 0 ? text[lineStart..] : text[lineStart..lineEnd];
            if (line.TrimEnd() is Fence or "...")
            {
                return (lineStart, lineEnd < 0 ? text.Length : lineEnd + 1);
            }

            if (lineEnd < 0)
            {
                break;
            }

            lineStart = lineEnd + 1;
        }

        return (-1, -1);
    }

    private static Dictionary<string, object?> ParseYaml(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException($"The front matter is not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw new FormatException("The front matter must be a YAML mapping of keys to values.");
        }

        return ToDictionary(mapping);
    }

    private static Dictionary<string, object?> ToDictionary(YamlMappingNode mapping)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = key is YamlScalarNode scalar ? scalar.Value ?? "" : key.ToString();
            result[name] = ToValue(value);
        }

        return result;
    }

    private static object? ToValue(YamlNode node) => node switch
    {
        YamlScalarNode scalar when scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL" => null,
        YamlScalarNode scalar => scalar.Value,
        YamlSequenceNode sequence => sequence.Children.Select(ToValue).ToList(),
        YamlMappingNode mapping => ToDictionary(mapping),
        _ => Convert.ToString(node, CultureInfo.InvariantCulture),
    };
}

/// <summary>Parsed front matter: scalars are strings, sequences are lists, mappings are dictionaries.</summary>
public sealed record FrontMatterDocument(IReadOnlyDictionary<string, object?> Fields, string Body)
{
    /// <summary>A scalar as a trimmed string; a sequence is joined with ", "; null when missing or empty.</summary>
    public string? GetString(string key) => FrontMatterValues.AsString(Fields.GetValueOrDefault(key));

    /// <summary>A sequence as strings (a single scalar becomes a one-item list); empty when missing.</summary>
    public IReadOnlyList<string> GetList(string key) => FrontMatterValues.AsList(Fields.GetValueOrDefault(key));
}
