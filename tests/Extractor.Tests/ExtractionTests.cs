using System.Diagnostics;
using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Tests.Support;
using KnowledgeHub.Extractor.Tests.Support;
using KnowledgeHub.Search.Extraction;

namespace KnowledgeHub.Extractor.Tests;

/// <summary>Text extraction through the separate KnowledgeHub.Extractor process, as the portal runs it.</summary>
public sealed class ExtractionTests : IDisposable
{
    private readonly AttachmentTextExtractor extractor = Extractors.Create();
    private readonly TempFolder folder = new();

    public void Dispose()
    {
        extractor.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void The_extractor_is_shipped_next_to_the_app()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "extractor", "KnowledgeHub.Extractor.dll"), extractor.ExtractorPath);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "extractor", "KnowledgeHub.Extractor.runtimeconfig.json")));
    }

    public static TheoryData<AttachmentKind, byte[], string> Files => new()
    {
        { AttachmentKind.Pdf, SampleFiles.Pdf("Lessons from the 618 campaign"), "Lessons from the 618 campaign" },
        { AttachmentKind.Docx, SampleFiles.Docx("预售定金膨胀带来 35% 的 GMV"), "预售定金膨胀带来 35% 的 GMV" },
        { AttachmentKind.Xlsx, SampleFiles.Xlsx("复购率"), "复购率\t42" },
        { AttachmentKind.Pptx, SampleFiles.Pptx("直播专场退货率 13%"), "直播专场退货率 13%" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Text_is_extracted_in_a_separate_process(AttachmentKind kind, byte[] content, string expected)
    {
        var result = await extractor.ExtractAsync(content, kind, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expected, result.Text.Trim());
        Assert.False(result.Truncated);
    }

    [Theory]
    [InlineData(AttachmentKind.Text, "\uFEFF会议记录\nline two", "会议记录\nline two")]
    [InlineData(AttachmentKind.Markdown, "# 标题", "# 标题")]
    [InlineData(AttachmentKind.Png, "", "")]
    public async Task Text_files_are_read_as_they_are_and_images_have_no_text(AttachmentKind kind, string content, string expected)
    {
        var result = await extractor.ExtractAsync(SampleFiles.Utf8(content), kind, CancellationToken.None);

        Assert.Equal((true, expected), (result.Succeeded, result.Text));
    }

    [Theory]
    [InlineData(AttachmentKind.Pdf, "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage ((((((( \u0000\u0001")]
    [InlineData(AttachmentKind.Pdf, "%PDF-1.4\n")]
    [InlineData(AttachmentKind.Docx, "PK\u0003\u0004 not really a zip")]
    public async Task A_garbage_file_is_a_failure_with_a_message_and_the_caller_carries_on(AttachmentKind kind, string content)
    {
        var watch = Stopwatch.StartNew();

        var result = await extractor.ExtractAsync(SampleFiles.Utf8(content), kind, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains($"The {kind.ToString().ToLowerInvariant()} file cannot be read", result.Error);
        Assert.True(watch.Elapsed < new ExtractionOptions().Timeout, $"took {watch.Elapsed}");
        Assert.True((await extractor.ExtractAsync(SampleFiles.Pdf("still working"), AttachmentKind.Pdf, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task An_extractor_that_hangs_is_killed_with_its_children_at_the_time_limit()
    {
        var host = Extractors.FakeHost(folder, $"echo $$ > '{folder.File("host.pid")}'\nsleep 60 &\necho $! > '{folder.File("child.pid")}'\nwait");
        using var hanging = Extractors.Create(new ExtractionOptions { DotnetPath = host, Timeout = TimeSpan.FromSeconds(1) });
        var watch = Stopwatch.StartNew();

        var result = await hanging.ExtractAsync(SampleFiles.Pdf("x"), AttachmentKind.Pdf, CancellationToken.None);

        Assert.Equal("Text extraction took longer than 1 s and was stopped.", result.Error);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.False(await IsRunningAsync(File.ReadAllText(folder.File("host.pid"))));
        Assert.False(await IsRunningAsync(File.ReadAllText(folder.File("child.pid"))));
    }

    [Fact]
    public async Task Output_beyond_the_cap_is_cut_off_and_the_extractor_stopped()
    {
        using var flooding = Extractors.Create(new ExtractionOptions { DotnetPath = Extractors.FakeHost(folder, "yes 要点"), MaxOutputChars = 10_000 });

        var result = await flooding.ExtractAsync(SampleFiles.Pdf("x"), AttachmentKind.Pdf, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.True(result.Truncated);
        Assert.Equal(10_000, result.Text.Length);
        Assert.StartsWith("要点\n要点\n", result.Text);
    }

    [Fact]
    public async Task A_crashing_extractor_is_a_failure_with_its_message()
    {
        using var crashing = Extractors.Create(new ExtractionOptions { DotnetPath = Extractors.FakeHost(folder, "cat > /dev/null\necho 'Unhandled exception: boom' >&2\nexit 134") });

        var result = await crashing.ExtractAsync(SampleFiles.Docx("x"), AttachmentKind.Docx, CancellationToken.None);

        Assert.Equal((false, "Unhandled exception: boom"), (result.Succeeded, result.Error));
    }

    [Fact]
    public async Task A_missing_extractor_is_a_failure_that_says_so()
    {
        using var missing = Extractors.Create(new ExtractionOptions { ExtractorPath = folder.File("nowhere.dll") });

        var result = await missing.ExtractAsync(SampleFiles.Pdf("x"), AttachmentKind.Pdf, CancellationToken.None);

        Assert.Equal("The text extractor (KnowledgeHub.Extractor.dll) is not installed next to the app.", result.Error);
    }

    private static async Task<bool> IsRunningAsync(string pid)
    {
        var status = $"/proc/{pid.Trim()}/status";
        for (var i = 0; i < 40; i++)
        {
            if (!File.Exists(status) || File.ReadAllText(status).Contains("State:\tZ", StringComparison.Ordinal))
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
