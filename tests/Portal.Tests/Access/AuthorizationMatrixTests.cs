using System.Net;
using System.Text.Json;
using KnowledgeHub.Documents;
using KnowledgeHub.Portal.Tests.Infrastructure;
using KnowledgeHub.Search;

namespace KnowledgeHub.Portal.Tests.Access;

/// <summary>
/// Roles × confidentiality × membership × surface, one row per (role, confidentiality, membership) and the expected
/// answer in every cell. Each row has its own user and its own document (holding a unique word for the search
/// columns); membership says how the user relates to that document: its owner, a listed reader, a member of a
/// listed group, a listed editor, or none of these. Page, download, access page and API document answer
/// 200/403/404; search and API search answer "hit" (with a snippet), "title" (a hit without snippet: Restricted
/// documents are never previewed) or "-" (no hit). The API's document answer carries the text, so it is a copy
/// taken away (policy row TakeAway): like the download, a Restricted document needs a download grant (403 otherwise).
/// The API's writes (update, attach) answer 404 / 403 to whoever may not edit, and to an editor the refusal of the
/// deliberately incomplete request (428 no If-Match, 415 not a form): the access check comes first.
/// <see cref="ApprovalTable"/> is the second matrix: who may approve a submission, by role and by how they are named.
/// </summary>
public sealed partial class AuthorizationMatrixTests(AuthorizationMatrixTests.Portal portal) : IClassFixture<AuthorizationMatrixTests.Portal>
{
    public const string Table = """
        role         confidentiality  membership  page  download  access  search  api-doc  api-search  api-edit  api-attach
        Reader       Internal         owner       200   200       200     hit     200      hit         428       415
        Reader       Internal         reader      200   200       403     hit     200      hit         403       403
        Reader       Internal         group       200   200       403     hit     200      hit         403       403
        Reader       Internal         editor      200   200       200     hit     200      hit         428       415
        Reader       Internal         none        200   200       403     hit     200      hit         403       403
        Reader       Confidential     owner       200   200       200     hit     200      hit         428       415
        Reader       Confidential     reader      200   200       403     hit     200      hit         403       403
        Reader       Confidential     group       200   200       403     hit     200      hit         403       403
        Reader       Confidential     editor      200   200       200     hit     200      hit         428       415
        Reader       Confidential     none        404   404       404     -       404      -           404       404
        Reader       Restricted       owner       200   200       200     title   200      title       428       415
        Reader       Restricted       reader      200   403       403     title   403      title       403       403
        Reader       Restricted       group       200   403       403     title   403      title       403       403
        Reader       Restricted       editor      200   200       200     title   200      title       428       415
        Reader       Restricted       none        404   404       404     -       404      -           404       404
        Contributor  Internal         owner       200   200       200     hit     200      hit         428       415
        Contributor  Internal         reader      200   200       403     hit     200      hit         403       403
        Contributor  Internal         group       200   200       403     hit     200      hit         403       403
        Contributor  Internal         editor      200   200       200     hit     200      hit         428       415
        Contributor  Internal         none        200   200       403     hit     200      hit         403       403
        Contributor  Confidential     owner       200   200       200     hit     200      hit         428       415
        Contributor  Confidential     reader      200   200       403     hit     200      hit         403       403
        Contributor  Confidential     group       200   200       403     hit     200      hit         403       403
        Contributor  Confidential     editor      200   200       200     hit     200      hit         428       415
        Contributor  Confidential     none        404   404       404     -       404      -           404       404
        Contributor  Restricted       owner       200   200       200     title   200      title       428       415
        Contributor  Restricted       reader      200   403       403     title   403      title       403       403
        Contributor  Restricted       group       200   403       403     title   403      title       403       403
        Contributor  Restricted       editor      200   200       200     title   200      title       428       415
        Contributor  Restricted       none        404   404       404     -       404      -           404       404
        Reviewer     Internal         owner       200   200       200     hit     200      hit         428       415
        Reviewer     Internal         reader      200   200       403     hit     200      hit         403       403
        Reviewer     Internal         group       200   200       403     hit     200      hit         403       403
        Reviewer     Internal         editor      200   200       200     hit     200      hit         428       415
        Reviewer     Internal         none        200   200       403     hit     200      hit         403       403
        Reviewer     Confidential     owner       200   200       200     hit     200      hit         428       415
        Reviewer     Confidential     reader      200   200       403     hit     200      hit         403       403
        Reviewer     Confidential     group       200   200       403     hit     200      hit         403       403
        Reviewer     Confidential     editor      200   200       200     hit     200      hit         428       415
        Reviewer     Confidential     none        404   404       404     -       404      -           404       404
        Reviewer     Restricted       owner       200   200       200     title   200      title       428       415
        Reviewer     Restricted       reader      200   403       403     title   403      title       403       403
        Reviewer     Restricted       group       200   403       403     title   403      title       403       403
        Reviewer     Restricted       editor      200   200       200     title   200      title       428       415
        Reviewer     Restricted       none        404   404       404     -       404      -           404       404
        Admin        Internal         owner       200   200       200     hit     200      hit         428       415
        Admin        Internal         reader      200   200       200     hit     200      hit         428       415
        Admin        Internal         group       200   200       200     hit     200      hit         428       415
        Admin        Internal         editor      200   200       200     hit     200      hit         428       415
        Admin        Internal         none        200   200       200     hit     200      hit         428       415
        Admin        Confidential     owner       200   200       200     hit     200      hit         428       415
        Admin        Confidential     reader      200   200       200     hit     200      hit         428       415
        Admin        Confidential     group       200   200       200     hit     200      hit         428       415
        Admin        Confidential     editor      200   200       200     hit     200      hit         428       415
        Admin        Confidential     none        200   200       200     hit     200      hit         428       415
        Admin        Restricted       owner       200   200       200     title   200      title       428       415
        Admin        Restricted       reader      200   200       200     title   200      title       428       415
        Admin        Restricted       group       200   200       200     title   200      title       428       415
        Admin        Restricted       editor      200   200       200     title   200      title       428       415
        Admin        Restricted       none        200   200       200     title   200      title       428       415
        """;

    public static TheoryData<string, string, string> RowKeys()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in Rows)
        {
            data.Add(row.Role, row.Confidentiality.ToString(), row.Membership);
        }

        return data;
    }

    public static IReadOnlyList<MatrixRow> Rows { get; } = MatrixRow.Parse(Table);

    [Theory]
    [MemberData(nameof(RowKeys))]
    public async Task Every_surface_gives_the_answer_in_the_authorization_matrix(string role, string confidentiality, string membership)
    {
        var row = Rows.Single(r => r.Role == role && r.Confidentiality.ToString() == confidentiality && r.Membership == membership);
        var client = portal.Host.ClientFor(row.User);
        var id = row.DocumentId;

        var cells = await Task.WhenAll(
            StatusAsync(client, "/Documents/" + id),
            StatusAsync(client, $"/Documents/{id}/Download"),
            StatusAsync(client, $"/Documents/{id}/Access"),
            PageSearchAsync(client, row),
            StatusAsync(client, "/api/v1/documents/" + id),
            ApiSearchAsync(client, row),
            WriteStatusAsync(client, HttpMethod.Put, "/api/v1/documents/" + id, new StringContent("{}", System.Text.Encoding.UTF8, "application/json")),
            WriteStatusAsync(client, HttpMethod.Post, $"/api/v1/documents/{id}/attachments", new StringContent("not a form", System.Text.Encoding.UTF8, "text/plain")));
        var actual = MatrixRow.Surfaces.Zip(cells).ToDictionary(c => c.First, c => c.Second);

        Assert.Equal(row.Expected, actual);
    }

    /// <summary>
    /// A write the API refuses whoever sends it, so the cell shows who got past the access check without changing the
    /// document: an update without If-Match (428 for an editor) and an upload that is not a form (415 for an editor).
    /// </summary>
    private static async Task<string> WriteStatusAsync(HttpClient client, HttpMethod method, string url, HttpContent content)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode).ToString();
    }

    private static async Task<string> StatusAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return ((int)response.StatusCode).ToString();
    }

    /// <summary>"hit" with a snippet, "title" without one, "-" when absent; the total must agree with the hits.</summary>
    private static async Task<string> PageSearchAsync(HttpClient client, MatrixRow row)
    {
        var page = await client.GetDocumentAsync("/Search?q=" + row.Word);
        var hits = page.QuerySelectorAll(".hit");
        var total = page.QuerySelector(".results-total")!.TextContent;
        Assert.True(hits.Length <= 1, $"The word {row.Word} is in one document only, but the page shows {hits.Length} hits.");
        if (hits.Length == 0)
        {
            Assert.Contains("No results", total);
            return "-";
        }

        Assert.StartsWith("1 ", total.Trim());
        Assert.NotNull(hits[0].QuerySelector($"a[href='/Documents/{row.DocumentId}']"));
        return hits[0].QuerySelector(".snippet mark") is null ? "title" : "hit";
    }

    private static async Task<string> ApiSearchAsync(HttpClient client, MatrixRow row)
    {
        using var response = await client.GetAsync(new Uri("/api/v1/search?q=" + row.Word, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var hits = json.RootElement.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(hits.Count, json.RootElement.GetProperty("total").GetInt32());
        return hits switch
        {
            [] => "-",
            [var only] when only.GetProperty("id").GetString() == row.DocumentId =>
                only.GetProperty("snippet").GetString()!.Contains("<mark>", StringComparison.Ordinal) ? "hit" : "title",
            _ => "unexpected: " + string.Join(", ", hits.Select(h => h.GetProperty("id").GetString())),
        };
    }

    /// <summary>The portal with one user and one document per row of the table.</summary>
    public sealed class Portal : IAsyncLifetime
    {
        public TestCallerPortal Host { get; } = new();

        public async Task InitializeAsync()
        {
            await Host.WaitUntilReadyAsync();
            var documents = Host.Get<DocumentRepository>();
            var someoneElse = new TestUser(TestUser.Id(1, 0xffff), "someone-else", [AppRoles.Contributor], []);
            foreach (var row in Rows)
            {
                var (readers, editors) = row.Membership switch
                {
                    "reader" => (new[] { row.User.Principal }, Array.Empty<string>()),
                    "group" => ([Caller.GroupPrincipal(row.User.Groups[0])], []),
                    "editor" => ([], [row.User.Principal]),
                    _ => (Array.Empty<string>(), Array.Empty<string>()),
                };
                await documents.CreateAsync(
                    new NewDocument
                    {
                        Id = row.DocumentId,
                        Type = "retrospective",
                        Title = $"Matrix {row.Role} {row.Confidentiality} {row.Membership}",
                        Markdown = $"The matrix word {row.Word} appears only here.\n",
                        Collection = "Retrospectives",
                        Confidentiality = row.Confidentiality,
                        Readers = readers,
                        Editors = editors,
                        Status = DocumentStatus.Published,
                    },
                    row.Membership == "owner" ? row.User.Caller : someoneElse.Caller,
                    CancellationToken.None);
            }

            await Host.Get<IndexSynchronizer>().CatchUpAsync(CancellationToken.None);
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}

/// <summary>One row of the matrix: its user (role, and the group the "group" row lists), document and expected cells.</summary>
public sealed record MatrixRow(int Number, string Role, Confidentiality Confidentiality, string Membership, IReadOnlyDictionary<string, string> Expected)
{
    /// <summary>The columns after role, confidentiality and membership, in the order the test asks them.</summary>
    public static readonly IReadOnlyList<string> Surfaces = ["page", "download", "access", "search", "api-doc", "api-search", "api-edit", "api-attach"];

    public TestUser User => new(
        TestUser.Id(1, Number), "matrix-" + Number, [Role], Membership == "group" ? [TestUser.Id(2, Number)] : []);

    public string DocumentId => "matrix-" + Number;

    /// <summary>A word no other document holds (letters only, so no analyzer splits it).</summary>
    public string Word => "matrixword" + new string(Number.ToString("D3").Select(d => (char)('a' + d - '0')).ToArray());

    public static IReadOnlyList<MatrixRow> Parse(string table)
    {
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var columns = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Surfaces, columns.Skip(3));
        return lines.Skip(1).Select((line, i) =>
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(columns.Length, cells.Length);
            var expected = columns.Skip(3).Zip(cells.Skip(3)).ToDictionary(c => c.First, c => c.Second);
            return new MatrixRow(i + 1, cells[0], Enum.Parse<Confidentiality>(cells[1]), cells[2], expected);
        }).ToList();
    }
}
