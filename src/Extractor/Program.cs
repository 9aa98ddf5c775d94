using System.Text;
using KnowledgeHub.Extractor;

// KnowledgeHub.Extractor <pdf|docx|xlsx|pptx|txt|md> [file|-]
// Writes the file's text as UTF-8 to stdout. Exit codes: 0 done, 2 wrong arguments, 3 the file cannot be read.
const int MaxInputBytes = 256 * 1024 * 1024;

if (args.Length is < 1 or > 2 || !TextExtraction.IsKnownType(args[0]))
{
    await Console.Error.WriteLineAsync("Usage: KnowledgeHub.Extractor <pdf|docx|xlsx|pptx|txt|md> [file|-]   (no file or '-': read standard input)");
    return 2;
}

try
{
    byte[] content;
    if (args.Length == 2 && args[1] != "-")
    {
        content = await File.ReadAllBytesAsync(args[1]);
    }
    else
    {
        using var input = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        await input.CopyToAsync(buffer);
        content = buffer.ToArray();
    }

    if (content.Length > MaxInputBytes)
    {
        await Console.Error.WriteLineAsync($"The file is larger than {MaxInputBytes} bytes.");
        return 3;
    }

    using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    TextExtraction.Extract(args[0], content, output);
    await output.FlushAsync();
    return 0;
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    // Any failure of a parser on a hostile file is reported, never a crash dump: one line for the caller's log.
    await Console.Error.WriteLineAsync($"The {args[0]} file cannot be read: {e.GetType().Name}: {e.Message}");
    return 3;
}
