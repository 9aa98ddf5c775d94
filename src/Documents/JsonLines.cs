using System.Text;
using System.Text.Json;

namespace KnowledgeHub.Documents;

/// <summary>Append-only JSON-lines blobs: one UTF-8 JSON object per '\n'-terminated line.</summary>
internal static class JsonLines
{
    public static byte[] Line<T>(T value)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, DocumentJson.Options);
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        return line;
    }

    /// <summary>
    /// The whole lines of <paramref name="content"/> from <paramref name="offset"/>, and the offset just
    /// after the last '\n'. A partially written last line is not consumed. Lines that are not valid
    /// JSON (a torn write followed by later appends) are reported through <paramref name="onInvalid"/> and skipped.
    /// </summary>
    public static (List<T> Items, long End) ReadWhole<T>(ReadOnlySpan<byte> content, long offset, Action<string>? onInvalid = null)
    {
        var items = new List<T>();
        if (offset >= content.Length)
        {
            return (items, Math.Min(offset, content.Length));
        }

        var rest = content[(int)offset..];
        var last = rest.LastIndexOf((byte)'\n');
        if (last < 0)
        {
            return (items, offset);
        }

        var whole = rest[..(last + 1)];
        while (!whole.IsEmpty)
        {
            var end = whole.IndexOf((byte)'\n');
            var line = whole[..end];
            whole = whole[(end + 1)..];
            if (line.IsWhiteSpace())
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize<T>(line, DocumentJson.Options) is { } item)
                {
                    items.Add(item);
                }
            }
            catch (JsonException)
            {
                onInvalid?.Invoke(Encoding.UTF8.GetString(line));
            }
        }

        return (items, offset + last + 1);
    }

    /// <summary>
    /// Reads whole lines from the start of <paramref name="content"/> into <paramref name="items"/> until
    /// <paramref name="maxItems"/> were added or no whole line is left, and returns the bytes consumed (always up to the end
    /// of a line). Lines that are not valid JSON are reported through <paramref name="onInvalid"/> (offset, length) and skipped.
    /// </summary>
    public static int ReadLines<T>(ReadOnlySpan<byte> content, int maxItems, List<T> items, Action<int, int>? onInvalid = null)
    {
        var consumed = 0;
        var added = 0;
        while (added < maxItems)
        {
            var end = content[consumed..].IndexOf((byte)'\n');
            if (end < 0)
            {
                break;
            }

            var start = consumed;
            var line = content.Slice(start, end);
            consumed += end + 1;
            if (line.IsWhiteSpace())
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize<T>(line, DocumentJson.Options) is { } item)
                {
                    items.Add(item);
                    added++;
                }
            }
            catch (JsonException)
            {
                onInvalid?.Invoke(start, end);
            }
        }

        return consumed;
    }

    /// <summary>The offset just after the last '\n' (the end of the whole lines).</summary>
    public static long WholeEnd(ReadOnlySpan<byte> content) => content.LastIndexOf((byte)'\n') + 1;

    private static bool IsWhiteSpace(this ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }
}
