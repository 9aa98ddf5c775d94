using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;

namespace KnowledgeHub.Search;

/// <summary>
/// A <see cref="StringField"/> (the same field type: indexed as one token, not tokenized, no norms, docs only) whose
/// token stream is one per thread, reused for every keyword the thread indexes. Lucene makes a new stream, with its
/// attributes, for every StringField instance it indexes — a dozen per entry, a few percent of indexing CPU. The
/// writer consumes each field's stream to its end before asking for the next, on the same thread, so one stream per
/// thread serves them all.
/// </summary>
internal sealed class KeywordField : Field
{
    [ThreadStatic]
    private static OneToken? stream;

    public KeywordField(string name, string value, Store stored)
        : base(name, value, stored == Store.YES ? StringField.TYPE_STORED : StringField.TYPE_NOT_STORED)
    {
    }

    public override TokenStream GetTokenStream(Analyzer analyzer)
    {
        var token = stream ??= new OneToken();
        token.Value = GetStringValue(System.Globalization.CultureInfo.InvariantCulture) ?? throw new InvalidOperationException($"Keyword field {Name} has no value.");
        return token;
    }

    /// <summary>The value as its only token, offsets 0 to its length (as Lucene's own stream for a StringField).</summary>
    private sealed class OneToken : TokenStream
    {
        private readonly ICharTermAttribute term;
        private readonly IOffsetAttribute offset;
        private bool used = true;

        public OneToken()
        {
            term = AddAttribute<ICharTermAttribute>();
            offset = AddAttribute<IOffsetAttribute>();
        }

        public string Value { get; set; } = "";

        public override bool IncrementToken()
        {
            if (used)
            {
                return false;
            }

            ClearAttributes();
            term.SetEmpty().Append(Value);
            offset.SetOffset(0, Value.Length);
            used = true;
            return true;
        }

        public override void End()
        {
            base.End();
            offset.SetOffset(Value.Length, Value.Length);
        }

        public override void Reset() => used = false;
    }
}
