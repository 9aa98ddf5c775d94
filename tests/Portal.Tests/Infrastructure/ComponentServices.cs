using System.Globalization;
using System.Reflection;
using Bunit;
using KnowledgeHub.Portal.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Sdk;

namespace KnowledgeHub.Portal.Tests.Infrastructure;

/// <summary>What the portal's components inject (localizers, the time helper), registered in a bUnit context.</summary>
public static class ComponentServices
{
    /// <summary>"Now" for component tests: 2026-12-01 00:00 UTC, so times a month earlier show as dates.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static BunitContext WithPortalServices(this BunitContext context, string timeZone = "Asia/Shanghai")
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Services.AddLocalization();
        context.Services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        context.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new PortalTimeOptions { TimeZone = timeZone }));
        context.Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        context.Services.AddScoped<PortalTime>();
        context.Services.AddSingleton<DomainMessages>();
        return context;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>Runs a test with the given UI culture (and culture), as the request localization of a page would set them.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class UseCultureAttribute(string culture) : BeforeAfterTestAttribute
{
    private CultureInfo? _culture;
    private CultureInfo? _uiCulture;

    public string Culture { get; } = culture;

    public override void Before(MethodInfo methodUnderTest)
    {
        (_culture, _uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Culture);
    }

    public override void After(MethodInfo methodUnderTest)
    {
        CultureInfo.CurrentCulture = _culture!;
        CultureInfo.CurrentUICulture = _uiCulture!;
    }
}

/// <summary>Sets the culture and UI culture until disposed (for theories over both languages).</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private CultureScope(string culture) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

    public static CultureScope Use(string culture) => new(culture);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
