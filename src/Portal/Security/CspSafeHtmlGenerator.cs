using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Portal.Security;

/// <summary>
/// MVC's HTML generator, except that an empty validation summary's placeholder item is marked <c>hidden</c>
/// instead of <c>style="display:none"</c>: the Content-Security-Policy forbids inline styles.
/// </summary>
public sealed class CspSafeHtmlGenerator(
    IAntiforgery antiforgery,
    IOptions<MvcViewOptions> optionsAccessor,
    IModelMetadataProvider metadataProvider,
    IUrlHelperFactory urlHelperFactory,
    HtmlEncoder htmlEncoder,
    ValidationHtmlAttributeProvider validationAttributeProvider)
    : DefaultHtmlGenerator(antiforgery, optionsAccessor, metadataProvider, urlHelperFactory, htmlEncoder, validationAttributeProvider)
{
    private const string InlineHidden = "<li style=\"display:none\"></li>";
    private const string Hidden = "<li hidden></li>";

    public override TagBuilder? GenerateValidationSummary(
        ViewContext viewContext, bool excludePropertyErrors, string? message, string? headerTag, object? htmlAttributes)
    {
        var summary = base.GenerateValidationSummary(viewContext, excludePropertyErrors, message, headerTag, htmlAttributes);
        if (summary is null || !summary.HasInnerHtml)
        {
            return summary;
        }

        using var writer = new StringWriter();
        summary.InnerHtml.WriteTo(writer, HtmlEncoder.Default);
        var html = writer.ToString();
        if (html.Contains(InlineHidden, StringComparison.Ordinal))
        {
            summary.InnerHtml.Clear();
            summary.InnerHtml.AppendHtml(html.Replace(InlineHidden, Hidden, StringComparison.Ordinal));
        }

        return summary;
    }
}
