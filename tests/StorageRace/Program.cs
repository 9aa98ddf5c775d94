// Usage: KnowledgeHub.StorageRace <root> <create|if-match|append|append-burst> <writer id> <count>
// Reads the ETag of each "race/{i}" (if-match), prints "ready", then for each index i read from
// standard input writes "writer {id}" to "race/{i}" under the condition and prints "won" or "lost"
// (create, if-match), or appends "writer {id} round {i}\n" to "race/log" and prints the offset the
// append returned (append); append-burst appends {count} lines "writer {id} line {k}\n" to
// "race/burst" at once and prints "done". The test sends the same index to every writer at once, so each round
// is a real race.
using System.Globalization;
using System.Text;
using KnowledgeHub.Storage;

var (root, mode, writer, count) = (args[0], args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
var store = new FileSystemBlobStore(root);
var etags = new string[count];
for (var i = 0; mode == "if-match" && i < count; i++)
{
    etags[i] = (await store.ReadAsync($"race/{i}", CancellationToken.None))!.ETag;
}

await store.WriteAsync($"warm-up/{writer}", Encoding.UTF8.GetBytes(writer), WriteCondition.None, CancellationToken.None);
Console.WriteLine("ready");
while (await Console.In.ReadLineAsync() is { Length: > 0 } line)
{
    var i = int.Parse(line, CultureInfo.InvariantCulture);
    if (mode == "append-burst")
    {
        // As fast as possible, so that lock handovers between processes happen thousands of times.
        for (var k = 0; k < count; k++)
        {
            await store.AppendAsync("race/burst", Encoding.UTF8.GetBytes($"writer {writer} line {k}\n"), CancellationToken.None);
        }

        Console.WriteLine("done");
        continue;
    }

    if (mode == "append")
    {
        var end = await store.AppendAsync("race/log", Encoding.UTF8.GetBytes($"writer {writer} round {i}\n"), CancellationToken.None);
        Console.WriteLine(end.ToString(CultureInfo.InvariantCulture));
        continue;
    }

    var condition = mode == "create" ? WriteCondition.IfNotExists : WriteCondition.IfMatchETag(etags[i]);
    try
    {
        await store.WriteAsync($"race/{i}", Encoding.UTF8.GetBytes($"writer {writer}"), condition, CancellationToken.None);
        Console.WriteLine("won");
    }
    catch (BlobConditionFailedException)
    {
        Console.WriteLine("lost");
    }
}
