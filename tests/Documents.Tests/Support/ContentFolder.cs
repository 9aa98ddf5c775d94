namespace KnowledgeHub.Documents.Tests.Support;

/// <summary>A small content folder (templates/ and samples/) written by the test; deleted on dispose.</summary>
public sealed class ContentFolder : IDisposable
{
    public const string RetrospectiveTemplate = """
        ---
        name: Retrospective
        name_zh: 复盘
        description: 活动或项目结束后的复盘
        collection: Retrospectives
        confidentiality: Internal
        fields:
          - key: project
            label: 项目 Project
          - key: period
            label: 周期 Period
        sections:
          - title: Goals and results
            aliases: [目标与结果, 目标与实际]
          - title: Lessons learned
            aliases: [经验教训]
        ---
        # {title}

        ## 目标与结果 Goals and results

        ## 经验教训 Lessons learned

        """;

    public ContentFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "kh-tests", Guid.NewGuid().ToString("N"), "content");
        Directory.CreateDirectory(Path.Combine(Root, "templates"));
        Directory.CreateDirectory(Path.Combine(Root, "samples"));
    }

    public string Root { get; }

    public ContentFolder Template(string key, string text)
    {
        File.WriteAllText(Path.Combine(Root, "templates", key + ".md"), text);
        return this;
    }

    public ContentFolder Sample(string fileName, string text)
    {
        File.WriteAllText(Path.Combine(Root, "samples", fileName), text);
        return this;
    }

    public static string SampleText(string id, string extra = "") => $"""
        ---
        id: {id}
        type: retrospective
        title: 2026 年 618 大促复盘 {id}
        owner: user:a11ce000-0000-4000-8000-000000000001
        owner_name: 王丽 Alice Wang
        created: 2026-06-25
        status: Published
        collection: Retrospectives
        tags: [618, 大促, campaign]
        confidentiality: Confidential
        readers: [group:2e5ea2c4-0000-4000-8000-00000000a002]
        editors: []
        project: 618 大促
        period: 2026-06-01 ~ 2026-06-20
        {extra}
        ---

        ## 经验教训 Lessons learned

        - 预热期太短
        """;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
