using System.ComponentModel.DataAnnotations;

namespace KnowledgeHub.Portal.RateLimits;

/// <summary>
/// The <c>RateLimits</c> section: for each kind of request, how many a user (by oid) and a client address may send per
/// window. The defaults are far above what a person or a script doing its work sends; they stop floods (password-less
/// sign-in storms, forged-token sprays, a runaway script).
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>False turns every limit off (not recommended outside a benchmark).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds a client is told to wait when its window is used up and the limiter cannot say (rare).</summary>
    [Range(1, 3600)]
    public int DefaultRetryAfterSeconds { get; set; } = 10;

    /// <summary>POST to the sign-in page and the OpenID Connect callback (by address only: nobody is signed in yet).</summary>
    [Required]
    public RateLimitRule SignIn { get; set; } = new() { PerUser = 60, PerAddress = 120, WindowSeconds = 60 };

    /// <summary>Creating API tokens on /Account/Token.</summary>
    [Required]
    public RateLimitRule TokenMinting { get; set; } = new() { PerUser = 20, PerAddress = 100, WindowSeconds = 60 };

    /// <summary>The search pages (/Search, suggestions, lessons, action items).</summary>
    [Required]
    public RateLimitRule Search { get; set; } = new() { PerUser = 600, PerAddress = 3000, WindowSeconds = 60 };

    /// <summary>Every call under /api.</summary>
    [Required]
    public RateLimitRule Api { get; set; } = new() { PerUser = 1200, PerAddress = 6000, WindowSeconds = 60 };

    /// <summary>Every other POST, PUT, PATCH or DELETE (saves, uploads, reviews, access changes).</summary>
    [Required]
    public RateLimitRule Writes { get; set; } = new() { PerUser = 600, PerAddress = 3000, WindowSeconds = 60 };
}

/// <summary>One limit: requests per window for one user and for one client address.</summary>
public sealed class RateLimitRule
{
    [Range(1, 1_000_000)]
    public int PerUser { get; set; }

    [Range(1, 1_000_000)]
    public int PerAddress { get; set; }

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}
