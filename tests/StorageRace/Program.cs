// Usage: KnowledgeHub.StorageRace <root> <create|if-match> <writer id> <blob count>
// Reads the ETag of each "race/{i}" (if-match), prints "ready", then for each index i read from
// standard input writes "writer {id}" to "race/{i}" under the condition and prints "won" or "lost".
// The test sends the same index to every writer at once, so each round is a real race.
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
