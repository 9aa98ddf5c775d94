using System.Net.Http.Headers;
using AngleSharp;
using AngleSharp.Html.Dom;
using AngleSharp.Io;
using FormMethod = AngleSharp.Io.HttpMethod;

namespace KnowledgeHub.Portal.Tests.Infrastructure;

/// <summary>
/// Parse a page with AngleSharp and submit its real forms: fields filled by name, the antiforgery token and
/// cookies come along (after dotnet/AspNetCore.Docs.Samples RazorPagesProject Helpers/HtmlHelpers.cs).
/// </summary>
public static class HtmlHelpers
{
    public static async Task<IHtmlDocument> GetDocumentAsync(HttpResponseMessage response)
    {
        var content = await response.Content.ReadAsStringAsync();
        var document = await BrowsingContext.New().OpenAsync(virtualResponse =>
        {
            virtualResponse.Address(response.RequestMessage!.RequestUri).Status(response.StatusCode);
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                virtualResponse.Header(header.Key, string.Join(", ", header.Value));
            }

            virtualResponse.Content(content);
        });
        return (IHtmlDocument)document;
    }

    /// <summary>Fills <paramref name="values"/> (by field name) into the form and submits it with <paramref name="submit"/>.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client,
        IHtmlFormElement form,
        IHtmlElement? submit = null,
        IReadOnlyDictionary<string, string>? values = null)
    {
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            var field = form.Elements.FirstOrDefault(e => e.GetAttribute("name") == name)
                ?? throw new InvalidOperationException($"The form has no field named '{name}'.");
            switch (field)
            {
                case IHtmlInputElement input:
                    input.Value = value;
                    break;
                case IHtmlTextAreaElement textArea:
                    textArea.Value = value;
                    break;
                case IHtmlSelectElement select:
                    select.Value = value;
                    break;
                default:
                    throw new InvalidOperationException($"Cannot fill the field '{name}' ({field.TagName}).");
            }
        }

        submit ??= form.QuerySelector<IHtmlElement>("button[type=submit], button:not([type]), input[type=submit]")
            ?? throw new InvalidOperationException("The form has no submit button.");
        var submission = form.GetSubmission(submit)
            ?? throw new InvalidOperationException("The form produced no submission.");
        var request = new HttpRequestMessage(new System.Net.Http.HttpMethod(submission.Method.ToString().ToUpperInvariant()), new Uri(submission.Target.Href));
        if (submission.Method == FormMethod.Post)
        {
            request.Content = new StreamContent(submission.Body);
            foreach (var header in submission.Headers)
            {
                if (string.Equals(header.Key, HeaderNames.ContentType, StringComparison.OrdinalIgnoreCase))
                {
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(header.Value);
                }
                else
                {
                    request.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
        }

        return client.SendAsync(request);
    }
}
