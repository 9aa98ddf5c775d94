namespace KnowledgeHub.Documents;

/// <summary>Turns parsed front-matter values (strings, lists, dictionaries) into strings and string lists.</summary>
public static class FrontMatterValues
{
    public static string? AsString(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s.Trim(),
            IReadOnlyDictionary<string, object?> map => string.Join(", ", map.Select(pair => $"{pair.Key}: {AsString(pair.Value)}")),
            IEnumerable<object?> list => string.Join(", ", list.Select(AsString).Where(s => !string.IsNullOrEmpty(s))),
            _ => value.ToString()?.Trim(),
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public static IReadOnlyList<string> AsList(object? value) => value switch
    {
        null => [],
        string s when string.IsNullOrWhiteSpace(s) => [],
        string s => [s.Trim()],
        IEnumerable<object?> list => [.. list.Select(AsString).OfType<string>()],
        _ => AsString(value) is { } text ? [text] : [],
    };
}
