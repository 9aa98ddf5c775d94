using System.Globalization;
using System.Text;
using KnowledgeHub.Documents;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>One generated document: its text in the content/samples format (front matter + Markdown) and that text's UTF-8 size.</summary>
public sealed record GeneratedDocument(string Id, string Text, int Bytes);

/// <summary>
/// Writes N realistic bilingual documents in the format of content/samples: every document type of content/templates
/// with its required front matter fields and its required sections (Chinese documents with the bilingual headings,
/// English ones with the plain titles), lessons under a retrospective's Lessons, task-list action items with owners
/// and due dates, tags, the type's collection, mixed status and confidentiality with reader lists. Prose comes from
/// <see cref="TextPool"/>. Deterministic for a seed. The first <see cref="EditTargets"/> documents are Internal drafts
/// owned by alice: the save → searchable measurement edits them.
/// </summary>
public sealed class DocumentGenerator(IReadOnlyList<DocumentTemplate> templates, TextPool pool, int seed)
{
    public const int EditTargets = 16;

    private static readonly string[] ZhTags = ["618", "大促", "复盘", "会员", "直播", "新客", "留存", "push", "GMV", "社区团购", "竞品", "用户研究", "转化率", "双十一"];
    private static readonly string[] EnTags = ["campaign", "retention", "onboarding", "push", "membership", "GMV", "A/B test", "live streaming", "pricing", "research", "churn", "Double 11"];
    private static readonly string[] ZhLessonLeads = ["经验：", "下次要注意：", "教训：", "建议保留的做法："];
    private static readonly string[] EnLessonLeads = ["Lesson: ", "Next time: ", "Keep doing this: ", "Watch out: "];

    public static string EditTargetId(int k) => $"scale-edit-{k:D3}";

    public GeneratedDocument Generate(int index)
    {
        // Not HashCode.Combine: it is seeded per process, so another process (scale-fts5 over a kept run) would generate other documents.
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var zh = index % 2 == 0;
        var template = templates[(index / 2) % templates.Count];
        var edit = index < EditTargets;
        var owner = edit ? DemoUsers.Alice : DemoUsers.Owners[random.Next(DemoUsers.Owners.Length)];
        var id = edit ? EditTargetId(index) : $"scale-{(zh ? "zh" : "en")}-{index:D7}";
        var (status, confidentiality, readers) = edit ? ("Draft", "Internal", Array.Empty<string>()) : Access(random, template);
        var created = new DateTime(2019, 1, 1, 9, 0, 0, DateTimeKind.Utc).AddDays(random.Next(0, 2880)).AddMinutes(random.Next(0, 600));
        var title = Title(random, template, zh, index);
        var fields = new List<KeyValuePair<string, object?>>
        {
            new("id", id),
            new("type", template.Key),
            new("title", title),
            new("owner", "user:" + owner.ObjectId),
            new("owner_name", owner.Name),
            new("created", created.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new("status", status),
            new("collection", template.DefaultCollection),
            new("tags", Tags(random, zh)),
            new("confidentiality", confidentiality),
            new("readers", readers),
            new("editors", random.Next(3) == 0 ? new[] { "group:" + DemoUsers.OpsGroup } : Array.Empty<string>()),
        };
        foreach (var field in template.RequiredFields)
        {
            fields.Add(new(field.Key, FieldValue(random, field.Key, zh, created)));
        }

        var text = FrontMatter.Write(fields, Body(random, template, zh, created));
        return new GeneratedDocument(id, text, Encoding.UTF8.GetByteCount(text));
    }

    private static (string Status, string Confidentiality, string[] Readers) Access(Random random, DocumentTemplate template)
    {
        var roll = random.Next(100);
        var status = roll < 80 ? "Published" : roll < 88 ? "Draft" : roll < 94 ? "InReview" : "Archived";
        var level = random.Next(100);
        var confidential = template.DefaultConfidentiality == Confidentiality.Confidential ? level < 80 : level < 15;
        if (level >= 96)
        {
            return (status, "Restricted", ["user:" + DemoUsers.Carol.ObjectId]);
        }

        return confidential
            ? (status, "Confidential", ["group:" + (random.Next(2) == 0 ? DemoUsers.ResearchGroup : DemoUsers.OpsGroup)])
            : (status, "Internal", []);
    }

    private string Title(Random random, DocumentTemplate template, bool zh, int index)
    {
        var titles = zh ? pool.ZhTitles : pool.EnTitles;
        var topic = titles.Count == 0 ? template.Name : titles[random.Next(titles.Count)];
        return zh
            ? $"{(template.NameZh.Length > 0 ? template.NameZh : template.Name)}：{topic}（{index}）"
            : $"{template.Name}: {topic} ({index})";
    }

    private static string[] Tags(Random random, bool zh)
    {
        var pool = zh ? ZhTags : EnTags;
        return Enumerable.Range(0, random.Next(2, 5)).Select(_ => pool[random.Next(pool.Length)]).Distinct(StringComparer.Ordinal).ToArray();
    }

    private string FieldValue(Random random, string key, bool zh, DateTime created) => key switch
    {
        "period" => $"{created:yyyy-MM-dd} ~ {created.AddDays(random.Next(7, 60)):yyyy-MM-dd}",
        "date" => created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "attendees" => string.Join(", ", DemoUsers.Owners.Take(random.Next(2, 4)).Select(o => o.Name)),
        "participants" => (random.Next(5, 400)).ToString(CultureInfo.InvariantCulture) + (zh ? " 人" : " users"),
        "budget" => zh ? $"{random.Next(5, 500)} 万元" : $"CNY {random.Next(50, 5000)}k",
        _ => Clip(Sentence(random, zh), 40),
    };

    private string Body(Random random, DocumentTemplate template, bool zh, DateTime created)
    {
        var body = new StringBuilder();
        body.Append(Paragraph(random, zh, 1, 2)).Append("\n\n");
        foreach (var section in template.RequiredSections)
        {
            body.Append("## ").Append(zh ? Heading(section) : section.Title).Append("\n\n");
            if (section.Title is "Lessons")
            {
                var leads = zh ? ZhLessonLeads : EnLessonLeads;
                for (var i = random.Next(3, 6); i > 0; i--)
                {
                    body.Append("- ").Append(leads[random.Next(leads.Length)]).Append(Clip(Sentence(random, zh), 160)).Append('\n');
                }
            }
            else if (section.Title.Contains("Action items", StringComparison.Ordinal) || section.Title is "Next steps")
            {
                for (var i = random.Next(2, 5); i > 0; i--)
                {
                    var owner = DemoUsers.Owners[random.Next(DemoUsers.Owners.Length)].UserName;
                    var due = created.AddDays(random.Next(-10, 90)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    body.Append(random.Next(3) == 0 ? "- [x] " : "- [ ] ").Append(Clip(Sentence(random, zh), 60)).Append(" @").Append(owner).Append(" due:").Append(due).Append('\n');
                }
            }
            else if (section.Title is "Goals and results" or "Key metrics" && random.Next(2) == 0)
            {
                body.Append(zh ? "| 指标 KPI | 目标 | 实际 |\n|---|---|---|\n" : "| KPI | Target | Actual |\n|---|---|---|\n");
                for (var i = random.Next(2, 5); i > 0; i--)
                {
                    body.Append("| ").Append(Clip(Sentence(random, zh), 16)).Append(" | ").Append(random.Next(1, 100)).Append("% | ").Append(random.Next(1, 100)).Append("% |\n");
                }
            }
            else
            {
                body.Append(Paragraph(random, zh, 1, 3));
            }

            body.Append("\n\n");
        }

        return body.ToString().TrimEnd() + "\n";
    }

    /// <summary>The bilingual alias ("经验教训 Lessons") the Chinese samples use, else the first Chinese alias, else the title.</summary>
    private static string Heading(TemplateSection section) =>
        section.Aliases.FirstOrDefault(a => TextPool.HasCjk(a) && a.Contains(section.Title, StringComparison.Ordinal))
        ?? section.Aliases.FirstOrDefault(TextPool.HasCjk)
        ?? section.Title;

    private string Paragraph(Random random, bool zh, int min, int max) =>
        string.Join("\n\n", Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => string.Join(zh ? "" : " ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Sentence(random, zh)))));

    private string Sentence(Random random, bool zh)
    {
        var paragraphs = zh ? pool.ZhParagraphs : pool.EnParagraphs;
        return paragraphs.Count == 0 ? (zh ? "暂无内容。" : "No text.") : paragraphs[random.Next(paragraphs.Count)];
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd();
}
