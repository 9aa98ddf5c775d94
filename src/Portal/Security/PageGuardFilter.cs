using KnowledgeHub.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace KnowledgeHub.Portal.Security;

/// <summary>
/// Two classes of odd requests every page answers the same way, before its handler runs: a document id in the route
/// (<c>/Documents/{id}/…</c>) that cannot be a document (<see cref="DocumentIds.IsValid"/>: blank, ".", "null",
/// traversal…) is the same 404 as a missing document — no handler ever sees a null or odd id; and a POST that names
/// no handler of the page (<c>/Lessons/anything</c>) is a 404 instead of rendering a page that was never prepared;
/// so is a blank route value (an attachment name of spaces), which model binding would hand over as null.
/// </summary>
public sealed class PageGuardFilter : IAsyncPageFilter
{
    public const string RouteKey = "id";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var method = context.HttpContext.Request.Method;
        var hasId = context.ActionDescriptor.AttributeRouteInfo?.Template?.Contains("{" + RouteKey, StringComparison.Ordinal) == true;
        var noHandler = context.HandlerMethod is null && HttpMethods.IsPost(method);
        var blankRouteValue = context.ActionDescriptor.AttributeRouteInfo?.Template is { } template
            && context.RouteData.Values.Any(v => v.Key is not ("page" or "handler") && template.Contains("{" + v.Key, StringComparison.Ordinal) && v.Value is string text && string.IsNullOrWhiteSpace(text));
        if ((hasId && !DocumentIds.IsValid(context.RouteData.Values[RouteKey] as string)) || noHandler || blankRouteValue)
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
