using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace KnowledgeHub.Benchmarks;

/// <summary>
/// SQLite FTS5 over the same pages, side by side with the portal's search: one table (title, body; the language as an
/// unindexed column, which stands for the access filter), the <c>trigram</c> tokenizer (the FTS5 way to search Chinese
/// without a segmenter), ranked by <c>bm25</c> with the title weighted 3 as the portal weights it, ten rows with a
/// <c>snippet()</c> of the body. Query text: every whitespace-separated word of three or more characters as a quoted
/// substring, all required (FTS5 syntax in the text is not interpreted); when none is that long (a trigram index cannot
/// match one or two characters) a <c>LIKE</c> scan of title and body, unranked.
/// </summary>
public sealed class Fts5Baseline : IDisposable
{
    private readonly SqliteConnection connection;

    private Fts5Baseline(SqliteConnection connection) => this.connection = connection;

    public static Fts5Baseline Build(IEnumerable<HelpPage> pages, string path)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
        Execute(connection, "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, lang UNINDEXED, title, body, tokenize='trigram');");
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO docs(id, lang, title, body) VALUES ($id, $lang, $title, $body)";
        var (id, lang, title, body) = (insert.Parameters.Add("$id", SqliteType.Text), insert.Parameters.Add("$lang", SqliteType.Text), insert.Parameters.Add("$title", SqliteType.Text), insert.Parameters.Add("$body", SqliteType.Text));
        foreach (var page in pages)
        {
            (id.Value, lang.Value, title.Value, body.Value) = (page.Id, page.Language.Code, page.Title, page.Markdown);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        Execute(connection, "INSERT INTO docs(docs) VALUES('optimize');");
        return new Fts5Baseline(connection);
    }

    /// <summary>The ids of the top ten for <paramref name="query"/> among pages of <paramref name="language"/> (null: all), each with its snippet.</summary>
    public IReadOnlyList<(string Id, string Snippet)> Search(string query, string? language)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var matched = words.Where(w => new StringInfo(w).LengthInTextElements >= 3).Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"").ToList();
        using var command = connection.CreateCommand();
        var scope = language is null ? "" : " AND lang = $lang";
        if (matched.Count > 0)
        {
            command.CommandText = "SELECT id, snippet(docs, 3, '<mark>', '</mark>', '…', 24) FROM docs WHERE docs MATCH $q" + scope
                + " ORDER BY bm25(docs, 0, 0, 3.0, 1.0) LIMIT 10";
            command.Parameters.AddWithValue("$q", string.Join(" AND ", matched));
        }
        else
        {
            command.CommandText = "SELECT id, substr(body, 1, 80) FROM docs WHERE (title LIKE $like OR body LIKE $like)" + scope + " LIMIT 10";
            command.Parameters.AddWithValue("$like", "%" + query.Trim().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%");
        }

        if (language is not null)
        {
            command.Parameters.AddWithValue("$lang", language);
        }

        var rows = new List<(string, string)>(10);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>Known-item figures of FTS5 for the same sample and variant as <see cref="RelevanceBenchmark.Run"/>.</summary>
    public RelevanceResult Relevance(IReadOnlyList<HelpPage> sample, string variant)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var (at1, at10, reciprocal) = (0, 0, 0.0);
        var misses = new List<Miss>();
        foreach (var page in sample)
        {
            var query = RelevanceBenchmark.QueryOf(page, variant);
            var ids = Search(query, page.Language.Code).Select(r => r.Id).ToList();
            var rank = ids.IndexOf(page.Id) + 1;
            at1 += rank == 1 ? 1 : 0;
            at10 += rank >= 1 ? 1 : 0;
            reciprocal += rank >= 1 ? 1.0 / rank : 0;
            if (rank != 1 && misses.Count < 12)
            {
                misses.Add(new Miss(query, page.Title, rank, ids.FirstOrDefault()));
            }
        }

        var n = Math.Max(1, sample.Count);
        return new RelevanceResult(sample.Count > 0 ? sample[0].Language.Code : "", variant, "fts5", sample.Count, (double)at1 / n, (double)at10 / n, reciprocal / n, 0, misses);
    }

    /// <summary>Latency of the mix's words (filters and facet clicks have no FTS5 counterpart and are left out), one thread.</summary>
    public Percentiles Latency(IReadOnlyList<MixQuery> mix, int queries, int seed)
    {
        ArgumentNullException.ThrowIfNull(mix);
        var texts = mix.Where(q => q.Kind is not ("filter" or "facet-click")).Select(q => q.Text).ToArray();
        foreach (var text in texts)
        {
            Search(text, null);
        }

        var random = new Random(seed);
        var ms = new List<double>(queries);
        for (var i = 0; i < queries; i++)
        {
            var text = texts[random.Next(texts.Length)];
            var began = Stopwatch.GetTimestamp();
            Search(text, null);
            ms.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }

        return Percentiles.Of(ms);
    }

    public void Dispose() => connection.Dispose();

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>The two engines over the same queries: latency of each (one thread, the same seeded order), relevance of each.</summary>
public sealed record Fts5Comparison(Percentiles Lucene, Percentiles Fts5, IReadOnlyList<RelevanceResult> Relevance)
{
    /// <summary>The portal's p99 ÷ FTS5's (goal: ≤ 1.5).</summary>
    public double P99Ratio => Fts5.P99 <= 0 ? 0 : Lucene.P99 / Fts5.P99;

    public RelevanceResult Known(string language, string variant = "title") => Relevance.Single(r => r.Language == language && r.Variant == variant);

    /// <summary>The portal's latency over the queries FTS5 is timed on (<see cref="Fts5Baseline.Latency"/>), in the same order.</summary>
    public static Percentiles LuceneLatency(KnowledgeHub.Search.SearchService search, KnowledgeHub.Documents.Caller caller, IReadOnlyList<MixQuery> mix, int queries, int seed)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(mix);
        var texts = mix.Where(q => q.Kind is not ("filter" or "facet-click")).Select(q => q.Text).ToArray();
        var random = new Random(seed);
        var ms = new List<double>(queries);
        for (var i = 0; i < queries; i++)
        {
            var request = new KnowledgeHub.Search.SearchRequest { Query = texts[random.Next(texts.Length)], Caller = caller };
            var began = Stopwatch.GetTimestamp();
            search.Search(request);
            ms.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }

        return Percentiles.Of(ms);
    }
}
