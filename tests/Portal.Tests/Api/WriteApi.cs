using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeHub.Portal.Tests.Api;

/// <summary>Calls to the write API in tests: JSON bodies, If-Match, a conformant document built from a template's own rules.</summary>
internal static class WriteApi
{
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, JsonNode? body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative))
        {
            Content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, string id, string fileName, byte[] bytes, string contentType)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return client.PostAsync(new Uri($"/api/v1/documents/{id}/attachments", UriKind.Relative), form);
    }

    /// <summary>A body for <c>POST /api/v1/documents</c> that meets the template: each field filled, each section with a line.</summary>
    public static async Task<JsonObject> ConformantAsync(HttpClient client, string type, string title, string extra = "")
    {
        var templates = await ApiJson.ReadAsync(await client.GetAsync(new Uri("/api/v1/templates", UriKind.Relative)), System.Net.HttpStatusCode.OK);
        var template = templates.EnumerateArray().Single(t => t.GetProperty("type").GetString() == type);
        var markdown = new StringBuilder($"# {title}\n\n");
        foreach (var section in template.GetProperty("sections").EnumerateArray())
        {
            markdown.Append("## ").Append(section.GetString()).Append("\n\nSome text for this section.\n\n");
        }

        markdown.Append(extra);
        var fields = new JsonObject();
        foreach (var field in template.GetProperty("fields").EnumerateArray())
        {
            fields[field.GetProperty("key").GetString()!] = "2026-12";
        }

        return new JsonObject { ["type"] = type, ["title"] = title, ["markdown"] = markdown.ToString(), ["fields"] = fields };
    }

    public static string ETag(HttpResponseMessage response) => response.Headers.ETag?.ToString() ?? "";

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
