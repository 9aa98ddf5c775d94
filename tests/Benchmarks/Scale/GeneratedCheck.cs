using KnowledgeHub.Documents;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>How realistic the generated documents are, by the domain's own rules: template conformance, lessons and action items found.</summary>
public sealed record GeneratedCheck(int Checked, int Conforming, double LessonsPerDocument, double ActionItemsPerDocument, string? FirstProblem)
{
    /// <summary>Parses the first <paramref name="count"/> documents as the importer does and checks them against their templates.</summary>
    public static GeneratedCheck Run(DocumentGenerator generator, IReadOnlyList<DocumentTemplate> templates, int count)
    {
        var byKey = templates.ToDictionary(t => t.Key, StringComparer.Ordinal);
        int conforming = 0, lessons = 0, actions = 0;
        string? firstProblem = null;
        for (var i = 0; i < count; i++)
        {
            var (document, _) = SampleParser.Parse(generator.Generate(i).Text);
            var report = TemplateConformance.Check(byKey[document.Type], document.Title, document.Metadata, document.Markdown);
            if (report.Conforms)
            {
                conforming++;
            }
            else
            {
                firstProblem ??= $"{document.Id}: {report.Problems[0].Message}";
            }

            var structure = MarkdownStructure.Parse(document.Markdown);
            lessons += structure.Lessons.Count;
            actions += structure.ActionItems.Count;
        }

        return new GeneratedCheck(count, conforming, (double)lessons / count, (double)actions / count, firstProblem);
    }
}
