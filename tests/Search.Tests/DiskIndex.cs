using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// A bare Lucene index in a temporary folder on disk, whitespace-analysed and never merged (each commit stays a
/// segment), for tests of query machinery over several real segments; deleted with its folder on dispose.
/// </summary>
internal sealed class DiskIndex : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "kh-diskindex-" + Guid.NewGuid().ToString("N"));

    public DiskIndex()
    {
        Directory = FSDirectory.Open(path);
        Writer = new IndexWriter(Directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
        {
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        });
    }

    public FSDirectory Directory { get; }

    public IndexWriter Writer { get; }

    public void Dispose()
    {
        Writer.Dispose();
        Directory.Dispose();
        System.IO.Directory.Delete(path, recursive: true);
    }
}
