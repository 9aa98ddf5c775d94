using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace KnowledgeHub.Documents;

/// <summary>
/// Document ids: short, URL-safe, lowercase. Generated ids are 12 characters of base32 (60 random bits);
/// supplied ids (sample import) must match <c>^[a-z0-9][a-z0-9-]{1,79}$</c>. An id that does not match
/// is never turned into a blob name, so no id can escape <c>docs/{id}/</c>.
/// </summary>
public static partial class DocumentIds
{
    public const int GeneratedLength = 12;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[GeneratedLength];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[GeneratedLength];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[bytes[i] & 31];
        }

        return new string(chars);
    }

    public static bool IsValid(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,79}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
