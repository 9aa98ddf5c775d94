using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// The decoded facet ordinals of a segment: every document's ordinals, a flat array when no document has two values,
/// and each ordinal's label — checked against the doc values Lucene wrote, over a real index on disk.
/// </summary>
public sealed class SegmentOrdinalsTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "kh-ordinals-" + Guid.NewGuid().ToString("N"));
    private FSDirectory? directory;

    [Fact]
    public void A_field_with_at_most_one_value_per_document_gets_a_flat_array_and_labels_in_ordinal_order()
    {
        using var reader = Index(
            [["type", "retrospective"], ["type", "plan"], [], ["type", "会议纪要"], ["type", "plan"]]);
        var leaf = Assert.Single(reader.Leaves).AtomicReader;

        var ordinals = SegmentOrdinals.Of(leaf, "type")!;

        Assert.NotNull(ordinals.Single);
        Assert.Equal(["plan", "retrospective", "会议纪要"], ordinals.Labels);
        Assert.Equal(["retrospective", "plan", null, "会议纪要", "plan"], ordinals.Single.Select(o => o < 0 ? null : ordinals.Labels[o]));
    }

    [Fact]
    public void A_field_with_several_values_in_one_document_keeps_them_all_and_has_no_flat_array()
    {
        using var reader = Index([["tags", "618", "GMV"], ["tags", "GMV"], [], ["tags", "复盘", "618", "新客"]]);
        var leaf = Assert.Single(reader.Leaves).AtomicReader;

        var ordinals = SegmentOrdinals.Of(leaf, "tags")!;

        Assert.Null(ordinals.Single);
        var perDoc = Enumerable.Range(0, leaf.MaxDoc)
            .Select(doc => string.Join(",", ordinals.Ords[ordinals.Starts[doc]..ordinals.Starts[doc + 1]].Select(o => ordinals.Labels[o])))
            .ToList();
        Assert.Equal(["618,GMV", "GMV", "", "618,复盘,新客"], perDoc);
    }

    [Fact]
    public void Facet_counts_over_a_single_and_a_multi_valued_field_match_the_documents()
    {
        using var reader = Index(
            [["type", "plan", "tags", "618", "GMV"], ["type", "plan", "tags", "GMV"], ["type", "retro"], ["tags", "GMV"]]);
        var collector = new FacetCollector(["type", "tags"], [], hits: null);
        new Lucene.Net.Search.IndexSearcher(reader).Search(new Lucene.Net.Search.MatchAllDocsQuery(), collector);
        collector.Finish();

        Assert.Equal(4, collector.TotalHits);
        Assert.Equal(new Dictionary<string, int> { ["plan"] = 2, ["retro"] = 1 }, collector.Counts["type"]);
        Assert.Equal(new Dictionary<string, int> { ["618"] = 1, ["GMV"] = 3 }, collector.Counts["tags"]);
    }

    public void Dispose()
    {
        directory?.Dispose();
        if (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>One document per entry: a field name ("type" or "tags") followed by its values, any number of times.</summary>
    private DirectoryReader Index(string[][] documents)
    {
        directory = FSDirectory.Open(path);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, null)))
        {
            foreach (var entry in documents)
            {
                var document = new Document { new StringField("id", Guid.NewGuid().ToString("N"), Field.Store.NO) };
                string? field = null;
                foreach (var part in entry)
                {
                    if (part is "type" or "tags")
                    {
                        field = part;
                    }
                    else
                    {
                        document.Add(new SortedSetDocValuesField(field!, new BytesRef(part)));
                    }
                }

                writer.AddDocument(document);
            }

            writer.ForceMerge(1);
        }

        return DirectoryReader.Open(directory);
    }
}
