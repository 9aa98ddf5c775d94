using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace KnowledgeHub.Search;

/// <summary>
/// The index's codec: Lucene 4.6's, with stored fields compressed in chunks of <see cref="StoredChunkBytes"/> instead of
/// 16 KB. Reading one document's stored fields decompresses its chunk from the start up to that document, so with 16 KB
/// chunks a hit's title and body cost the LZ4 decompression of up to 16 KB of other documents too — ten hits a page.
/// With 4 KB chunks (a document of a few KB is mostly alone in its chunk) the search mix used 15–25 % less CPU per
/// query at 20k documents (scale benchmark's in-process figures, three interleaved rounds), for an index 6 % larger
/// (82 → 87 MB). Indexes written before (plain Lucene46Codec) stay readable: Lucene finds each segment's codec by the
/// name it was written with, so this codec is registered with Lucene's codec factory (<see cref="Register"/>) before
/// any index is opened.
/// </summary>
[CodecName(RegisteredName)]
internal sealed class SearchCodec : FilterCodec
{
    public const string RegisteredName = "KnowledgeHub46";

    /// <summary>The stored fields' chunk size in bytes (Lucene's default is 16 KB).</summary>
    public const int StoredChunkBytes = 4096;

    private static readonly object Gate = new();
    private static bool registered;

    private readonly StoredFieldsFormat storedFields = new CompressingStoredFieldsFormat("KnowledgeHubStoredFields", CompressionMode.FAST, StoredChunkBytes);

    public SearchCodec()
        : base(new Lucene46Codec())
    {
    }

    public override StoredFieldsFormat StoredFieldsFormat => storedFields;

    /// <summary>
    /// Makes Lucene's codec lookup know this codec beside its own (once per process), so segments written with it can be
    /// read. Every open of the index goes through <see cref="IndexFiles"/>, which calls it first.
    /// </summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(SearchCodec)] });
            registered = true;
        }
    }
}
