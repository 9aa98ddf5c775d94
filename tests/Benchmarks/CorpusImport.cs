using System.Diagnostics;
using KnowledgeHub.Documents;

namespace KnowledgeHub.Benchmarks;

/// <summary>Help pages → documents through <see cref="DocumentRepository.CreateAsync"/>, and the callers who search them.</summary>
public static class CorpusImport
{
    public const string Collection = "LibreOffice Help";

    /// <summary>The importing user: owns every page, so the searching callers read only through their groups.</summary>
    public static readonly Caller Importer = new()
    {
        ObjectId = "be4c0000-0000-4000-8000-0000000000b1",
        Name = "Benchmark importer",
        Roles = [AppRoles.Contributor],
    };

    /// <summary>Reads both languages: both reader groups, two groups that grant nothing, a role.</summary>
    public static readonly Caller Everything = Reader("be4c0000-0000-4000-8000-0000000000b2", Language.Chinese.ReaderGroup, Language.English.ReaderGroup);

    /// <summary>Reads only <paramref name="language"/>'s pages (plus the same unrelated groups and role).</summary>
    public static Caller ReaderOf(Language language) => Reader("be4c0000-0000-4000-8000-0000000000b3", language.ReaderGroup);

    public static NewDocument ToNewDocument(HelpPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new NewDocument
        {
            Id = page.Id,
            Type = page.Module,
            Title = page.Title,
            Markdown = page.Markdown,
            Collection = Collection,
            Tags = [page.Language.Code, page.Module],
            Status = DocumentStatus.Published,
            Confidentiality = Confidentiality.Confidential,
            Readers = [Caller.GroupPrincipal(page.Language.ReaderGroup)],
            CreatedUtc = CreatedOf(page.Id),
        };
    }

    /// <summary>Creates every page; returns the wall time of the blob writes (version, manifest, change-log entry).</summary>
    public static async Task<TimeSpan> CreateAllAsync(DocumentRepository repository, IEnumerable<HelpPage> pages, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        foreach (var page in pages)
        {
            await repository.CreateAsync(ToNewDocument(page), Importer, cancellationToken);
        }

        return Stopwatch.GetElapsedTime(started);
    }

    private static Caller Reader(string objectId, params string[] groups) => new()
    {
        ObjectId = objectId,
        Name = "Benchmark reader",
        Roles = [AppRoles.Reader],
        Groups = [.. groups, "be4c0000-0000-4000-8000-00000000c001", "be4c0000-0000-4000-8000-00000000c002"],
    };

    /// <summary>A creation date spread over 2019–2025, fixed per page, so year facets and date filters have data.</summary>
    private static DateTimeOffset CreatedOf(string id) =>
        new DateTimeOffset(2019, 1, 1, 9, 0, 0, TimeSpan.Zero).AddDays((uint)StableHash(id) % 2550);

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
