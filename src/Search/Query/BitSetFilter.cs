using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeHub.Search;

/// <summary>
/// A filter cached per segment as a plain bit set (one bit per document, 2.5 KB per 20k) rather than Lucene's default
/// compressed set: a bit set answers "is this document in" directly, so a <see cref="FilteredQuery"/> passes it to the
/// scorers as accepted documents instead of iterating it beside them, and a <see cref="ConstantScoreQuery"/> over it
/// advances by a bit scan. Computed once per segment core; deletions are applied per search.
/// </summary>
internal sealed class BitSetFilter(Filter filter) : CachingWrapperFilter(filter)
{
    public BitSetFilter(Query query)
        : this(new QueryWrapperFilter(query))
    {
    }

    protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
    {
        var bits = new FixedBitSet(reader.MaxDoc);
        bits.Or(iterator);
        return bits;
    }
}
