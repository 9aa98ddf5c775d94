using System.Globalization;
using System.Text;
using KnowledgeHub.Documents;

namespace KnowledgeHub.Portal.Access;

/// <summary>
/// Audit entries as CSV (RFC 4180: CRLF, fields with a comma, quote or line break quoted, quotes doubled), UTF-8
/// with a BOM so spreadsheet programs read Chinese names. A cell starting with = + - @ (or a tab or carriage
/// return) gets a leading apostrophe, so a spreadsheet never runs it as a formula.
/// </summary>
public static class AuditCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly IReadOnlyList<string> Header = ["utc", "principal", "principal_name", "action", "document_id", "version", "outcome", "count"];

    public static byte[] Write(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = new StringBuilder();
        Line(builder, Header);
        foreach (var e in entries)
        {
            Line(builder,
            [
                e.Utc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                e.Principal,
                e.PrincipalName,
                e.Action,
                e.DocumentId,
                e.Version?.ToString(CultureInfo.InvariantCulture),
                e.Outcome,
                e.Count.ToString(CultureInfo.InvariantCulture),
            ]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(builder.ToString())];
    }

    /// <summary>One field, guarded and quoted as needed.</summary>
    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static void Line(StringBuilder builder, IEnumerable<string?> cells) =>
        builder.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
}
