using System.ComponentModel.DataAnnotations;

namespace KnowledgeHub.Portal.People;

/// <summary>Which directory the pickers ask: the configured demo directory or Microsoft Graph.</summary>
public enum DirectoryProvider
{
    Local,
    Graph,
}

/// <summary>Settings of section <c>People</c>.</summary>
public sealed class PeopleOptions
{
    public const string SectionName = "People";

    public DirectoryProvider Directory { get; set; } = DirectoryProvider.Local;

    /// <summary>The Graph endpoint (a national cloud, or a test stand-in).</summary>
    [Required]
    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>How long a user's groups read from Graph (group overage) are kept.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan GroupCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The mail domain of the local demo users without an e-mail address (<c>alice@{domain}</c>).</summary>
    [Required]
    public string LocalMailDomain { get; set; } = "knowledgehub.local";

    /// <summary>The groups (object ids) that are teams: each files the reports whose template says <c>per: team</c>.</summary>
    public List<string> Teams { get; set; } = [];

    /// <summary>The app roles' members in Graph mode: app role → user object ids (Graph has no cheap query for this).</summary>
    public Dictionary<string, List<string>> RoleMembers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
