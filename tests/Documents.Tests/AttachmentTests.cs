using System.IO.Compression;
using KnowledgeHub.Documents.Tests.Support;

namespace KnowledgeHub.Documents.Tests;

public sealed class AttachmentTests : IDisposable
{
    private readonly AttachmentHost host = new();

    public void Dispose() => host.Dispose();

    public static TheoryData<string, byte[], string> Accepted => new()
    {
        { "复盘会纪要.pdf", SampleFiles.Pdf("Retrospective minutes"), "application/pdf" },
        { "report.docx", SampleFiles.Docx("周报"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "GMV.xlsx", SampleFiles.Xlsx("GMV"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "deck.PPTX", SampleFiles.Pptx("618 复盘"), "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "chart.png", SampleFiles.Png, "image/png" },
        { "photo.jpeg", SampleFiles.Jpeg, "image/jpeg" },
        { "photo.jpg", SampleFiles.Jpeg, "image/jpeg" },
        { "notes.txt", SampleFiles.Utf8("会议记录\r\nline two"), "text/plain; charset=utf-8" },
        { "readme.md", SampleFiles.Utf8("# 标题\n\n- 要点"), "text/markdown; charset=utf-8" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Each_allowed_type_is_accepted_with_the_type_the_server_decided(string name, byte[] content, string contentType)
    {
        var doc = await host.CreateAsync();

        var added = Assert.IsType<AttachmentResult.Added>(await host.AddAsync(doc.Id, name, content));

        Assert.Equal((name, contentType, (long)content.Length), (added.Attachment.Name, added.Attachment.ContentType, added.Attachment.Size));
        Assert.Equal([added.Attachment], (await host.Store.Repository.GetManifestAsync(doc.Id, CancellationToken.None))!.Attachments);
        var download = await host.Service.ReadAsync(doc.Id, name, People.Dave, CancellationToken.None);
        Assert.Equal(content, download!.Content.ToArray());
        Assert.Equal(contentType, download.ContentType);
    }

    public static TheoryData<string, string, byte[], string> Unsupported => new()
    {
        { "an executable renamed .pdf", "report.pdf", SampleFiles.Exe, "'report.pdf' is a Windows program (MZ); programs cannot be attached." },
        { "an ELF binary", "data.txt", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0], "'data.txt' is a Linux program (ELF); programs cannot be attached." },
        { "a shell script renamed .md", "notes.md", SampleFiles.Utf8("#!/bin/sh\nrm -rf /\n"), "'notes.md' is a script (#!); programs cannot be attached." },
        { "an .exe by name", "setup.exe", SampleFiles.Utf8("hello"), "Files of type '.exe' cannot be attached; allowed are PDF, DOCX, XLSX, PPTX, PNG, JPEG, TXT, MD." },
        { "a PNG named .pdf", "scan.pdf", SampleFiles.Png, "'scan.pdf' is named as a PDF document but its content is a PNG image." },
        { "a workbook named .docx", "plan.docx", SampleFiles.Xlsx("x"), "'plan.docx' is named as a Word document but its content is an Excel workbook." },
        { "text named .png", "chart.png", SampleFiles.Utf8("<svg onload=alert(1)>"), "'chart.png' is named as a PNG image but its content is plain text." },
        { "text with NUL bytes", "notes.txt", [0x61, 0x00, 0x62], "The file is not UTF-8 text (it has bytes that are not UTF-8, or NUL bytes); save it as UTF-8 and try again." },
        { "invalid UTF-8", "notes.txt", [0xC3, 0x28, 0x41], "The file is not UTF-8 text (it has bytes that are not UTF-8, or NUL bytes); save it as UTF-8 and try again." },
        { "a plain zip named .docx", "a.docx", PlainZip(), "The file is a ZIP archive but not an Office document (it has no [Content_Types].xml)." },
        { "a macro-enabled document", "m.docx", SampleFiles.OfficeZip(z => SampleFiles.Entry(z, "word/vbaProject.bin", [1, 2, 3])), "The Office file contains macros; save it without macros (DOCX, XLSX or PPTX) and try again." },
        { "a damaged zip", "broken.xlsx", [.. "PK\u0003\u0004"u8, .. new byte[40]], "The file is a damaged ZIP archive (its directory cannot be found)." },
    };

    [Theory]
    [MemberData(nameof(Unsupported))]
    public async Task A_file_whose_bytes_are_not_an_allowed_type_is_refused_and_nothing_is_stored(string because, string name, byte[] content, string sentence)
    {
        var doc = await host.CreateAsync();

        var result = await host.AddAsync(doc.Id, name, content);

        Assert.True(result is AttachmentResult.UnsupportedType, $"{because}: {result}");
        Assert.Equal(sentence, result.Message);
        await AssertNothingStoredAsync(doc.Id);
    }

    public static TheoryData<string, byte[], string> ZipBombs => new()
    {
        { "too many entries", SampleFiles.OfficeZip(z => { for (var i = 0; i < 5_001; i++) { SampleFiles.Entry(z, $"word/media/{i}.xml", [1]); } }), "The archive has 5003 entries, more than the 5000 allowed; it is refused as a possible zip bomb." },
        { "a huge declared size", SampleFiles.DocxDeclaringHugeSize(), "The archive would unpack to more than 512 MB; it is refused as a possible zip bomb." },
        { "a high compression ratio", SampleFiles.OfficeZip(z => SampleFiles.Entry(z, "word/zeros.xml", new byte[8 * 1024 * 1024])), "The archive entry 'word/zeros.xml' is compressed more than 100 to 1; it is refused as a possible zip bomb." },
    };

    [Theory]
    [MemberData(nameof(ZipBombs))]
    public async Task An_office_file_that_looks_like_a_zip_bomb_is_refused_before_it_is_opened(string because, byte[] content, string sentence)
    {
        var doc = await host.CreateAsync();

        var result = await host.AddAsync(doc.Id, "bomb.docx", content);

        Assert.True(result is AttachmentResult.UnsupportedType, $"{because}: {result}");
        Assert.Equal(sentence, result.Message);
        await AssertNothingStoredAsync(doc.Id);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_too_large_whether_declared_or_not_and_nothing_is_stored()
    {
        using var small = new AttachmentHost(new AttachmentOptions { MaxBytes = 1024 });
        var doc = await small.CreateAsync();

        var declared = await small.Service.AddAsync(doc.Id, "big.txt", new UnreadableStream(), 4096, People.Alice, CancellationToken.None);
        var undeclared = await small.AddAsync(doc.Id, "big.txt", SampleFiles.Utf8(new string('字', 400)), declared: -1);
        var exact = await small.AddAsync(doc.Id, "fits.txt", SampleFiles.Utf8(new string('a', 1024)));

        Assert.Equal("The file is larger than the 1024 bytes allowed.", Assert.IsType<AttachmentResult.TooLarge>(declared).Message);
        Assert.IsType<AttachmentResult.TooLarge>(undeclared);
        Assert.IsType<AttachmentResult.Added>(exact);
        Assert.Single(await small.Store.BlobNamesAsync("files/"));
        Assert.Equal("The file is larger than the 50 MB allowed.", new AttachmentResult.TooLarge(new AttachmentOptions().MaxBytes).Message);
    }

    [Fact]
    public async Task The_same_content_twice_is_stored_once_and_the_same_name_again_replaces_its_entry()
    {
        var doc = await host.CreateAsync();
        var pdf = SampleFiles.Pdf("same");

        await host.AddAsync(doc.Id, "a.pdf", pdf);
        await host.AddAsync(doc.Id, "b.pdf", pdf);
        var replaced = Assert.IsType<AttachmentResult.Added>(await host.AddAsync(doc.Id, "A.pdf", SampleFiles.Pdf("other")));

        Assert.Equal(2, (await host.Store.BlobNamesAsync("files/")).Count);
        Assert.Equal(["b.pdf", "A.pdf"], replaced.Manifest.Attachments.Select(a => a.Name));
        Assert.Equal(64, replaced.Attachment.Sha256.Length);
        Assert.NotNull(await host.Store.Blobs.ReadAsync("files/" + replaced.Attachment.Sha256, CancellationToken.None));
    }

    [Theory]
    [InlineData("reader", typeof(AttachmentResult.Forbidden))]
    [InlineData("archived", typeof(AttachmentResult.Forbidden))]
    [InlineData("empty", typeof(AttachmentResult.Invalid))]
    [InlineData("truncated", typeof(AttachmentResult.Invalid))]
    [InlineData("no name", typeof(AttachmentResult.Invalid))]
    [InlineData("unknown document", typeof(AttachmentResult.NotFound))]
    public async Task Uploads_by_non_editors_to_archived_documents_and_broken_uploads_are_refused(string situation, Type expected)
    {
        var doc = await host.CreateAsync();
        if (situation == "archived")
        {
            await host.Store.Repository.UpdateManifestAsync(doc.Id, m => m with { Status = DocumentStatus.Archived }, People.Alice, CancellationToken.None);
        }

        var content = situation == "empty" ? [] : SampleFiles.Png;
        var result = situation switch
        {
            "reader" => await host.AddAsync(doc.Id, "a.png", content, People.Dave),
            "truncated" => await host.AddAsync(doc.Id, "a.png", content, declared: content.Length + 10),
            "no name" => await host.AddAsync(doc.Id, "../", content),
            "unknown document" => await host.AddAsync("no-such-doc", "a.png", content),
            _ => await host.AddAsync(doc.Id, "a.png", content),
        };

        Assert.IsType(expected, result);
        Assert.Empty(await host.Store.BlobNamesAsync("files/"));
    }

    [Fact]
    public async Task A_path_in_the_name_is_dropped_and_downloads_follow_read_access_and_are_audited()
    {
        var doc = await host.Store.Repository.CreateAsync(People.Retro() with { Confidentiality = Confidentiality.Confidential }, People.Alice, CancellationToken.None);

        var added = Assert.IsType<AttachmentResult.Added>(await host.AddAsync(doc.Id, @"C:\Users\alice\复盘.pdf", SampleFiles.Pdf("x")));

        Assert.Equal("复盘.pdf", added.Attachment.Name);
        Assert.Null(await host.Service.ReadAsync(doc.Id, "复盘.pdf", People.Dave, CancellationToken.None));
        Assert.NotNull(await host.Service.ReadAsync(doc.Id, "复盘.pdf", People.Alice, CancellationToken.None));
        Assert.Null(await host.Service.ReadAsync(doc.Id, "other.pdf", People.Alice, CancellationToken.None));
        var day = DateOnly.FromDateTime(host.Store.Clock.GetUtcNow().UtcDateTime);
        var audit = new List<(string, string, string)>();
        await foreach (var e in host.Audit.ReadAsync(day, day, CancellationToken.None))
        {
            audit.Add((e.Action, e.Principal, e.Outcome));
        }

        Assert.Equal(
            [("attach", People.Alice.Principal, "allowed"), ("download", People.Dave.Principal, "denied"), ("download", People.Alice.Principal, "allowed")],
            audit);
    }

    [Fact]
    public async Task Removing_an_attachment_takes_it_off_the_manifest_for_editors_only()
    {
        var doc = await host.CreateAsync();
        await host.AddAsync(doc.Id, "a.png", SampleFiles.Png);

        Assert.False(await host.Service.RemoveAsync(doc.Id, "a.png", People.Dave, CancellationToken.None));
        Assert.True(await host.Service.RemoveAsync(doc.Id, "A.PNG", People.Alice, CancellationToken.None));
        Assert.Empty((await host.Store.Repository.GetManifestAsync(doc.Id, CancellationToken.None))!.Attachments);
    }

    private async Task AssertNothingStoredAsync(string id)
    {
        Assert.Empty(await host.Store.BlobNamesAsync("files/"));
        Assert.Empty((await host.Store.Repository.GetManifestAsync(id, CancellationToken.None))!.Attachments);
    }

    private static byte[] PlainZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            SampleFiles.Entry(zip, "word/document.xml", [1, 2, 3]);
        }

        return stream.ToArray();
    }

    /// <summary>A stream that fails if read: a declared over-size upload must be refused without reading it.</summary>
    private sealed class UnreadableStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("read");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw new InvalidOperationException("read");
    }
}
