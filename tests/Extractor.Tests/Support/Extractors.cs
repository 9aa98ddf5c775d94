using KnowledgeHub.Search.Extraction;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Extractor.Tests.Support;

public static class Extractors
{
    public static AttachmentTextExtractor Create(ExtractionOptions? options = null) =>
        new(Options.Create(options ?? new ExtractionOptions()), NullLogger<AttachmentTextExtractor>.Instance);

    /// <summary>
    /// A stand-in "dotnet" host: a shell script that ignores its arguments and runs <paramref name="body"/>.
    /// It plays a hostile file's extractor (hangs, floods the output) without needing such a file.
    /// </summary>
    public static string FakeHost(TempFolder folder, string body)
    {
        var path = folder.File("fake-dotnet.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
