using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace KnowledgeHub.Portal.Api;

/// <summary>
/// An example for every request body and every refusal in the OpenAPI document, so a reader sees what to send and
/// what comes back without trying it. Keyed by operation id (request bodies) and status (refusals).
/// </summary>
internal static class OpenApiExamples
{
    private static readonly Dictionary<string, Func<JsonNode>> Bodies = new(StringComparer.Ordinal)
    {
        ["CreateDocument"] = () => new JsonObject
        {
            ["type"] = "retrospective",
            ["title"] = "2026 双十一预售复盘",
            ["fields"] = new JsonObject { ["period"] = "2026-11" },
            ["tags"] = new JsonArray("双十一", "presale"),
        },
        ["UpdateDocument"] = () => new JsonObject
        {
            ["title"] = "2026 双十一预售复盘",
            ["markdown"] = "# 2026 双十一预售复盘\n\n## 经验教训 Lessons\n\n- 预售定金提醒要提前 24 小时发出。\n\n## 行动项 Action items\n\n- [ ] 复核短信模板 @alice due:2026-12-15\n",
            ["tags"] = new JsonArray("双十一", "presale"),
            ["changeNote"] = "Added lessons from the review meeting.",
        },
        ["SubmitForReview"] = () => new JsonObject
        {
            ["reviewers"] = new JsonArray("role:Reviewer"),
            ["comment"] = "Ready for review.",
        },
        ["Approve"] = () => new JsonObject { ["comment"] = "Looks good." },
        ["RequestChanges"] = () => new JsonObject { ["comment"] = "Please add the conversion figures for the presale days." },
    };

    private static readonly Dictionary<string, string> Refusals = new(StringComparer.Ordinal)
    {
        ["400"] = "The title is longer than 200 characters.",
        ["401"] = "Sign in: this call needs a bearer token.",
        ["403"] = "Only the owner, the document's editors and admins can do this.",
        ["404"] = "There is no document with this id that you may read.",
        ["409"] = "The document is not submitted for review, so it cannot be approved.",
        ["412"] = "The document has changed: you sent If-Match \"3\" but its current version is \"4\". Read it again, apply your change, and send the new ETag.",
        ["413"] = "The body is larger than 4 MB; shorten the text.",
        ["415"] = "Send the body as JSON with Content-Type: application/json.",
        ["428"] = "Send If-Match with the ETag of the version you edited (GET the document first), so no one else's edit is overwritten.",
        ["429"] = "Too many requests; wait a moment and try again.",
        ["503"] = "The file could not be taken now; try again in a minute.",
    };

    public static void Apply(OpenApiOperation operation)
    {
        if (operation.OperationId is { } id && Bodies.TryGetValue(id, out var body)
            && operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var json))
        {
            json.Example = body();
        }

        // The description shows the answers of a client that names no language: English (ApiLanguage).
        var ui = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = ApiLanguage.Fallback;
        try
        {
            Describe(operation);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = ui;
        }
    }

    private static void Describe(OpenApiOperation operation)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (Refusals.TryGetValue(status, out var sentence)
                && response.Content is { } media && media.TryGetValue("application/problem+json", out var problem))
            {
                problem.Example = new JsonObject
                {
                    ["type"] = "https://tools.ietf.org/html/rfc9110",
                    ["title"] = ApiProblems.TitleOf(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture)),
                    ["status"] = int.Parse(status, System.Globalization.CultureInfo.InvariantCulture),
                    ["detail"] = sentence,
                };
                response.Description = sentence;
            }
        }
    }
}
