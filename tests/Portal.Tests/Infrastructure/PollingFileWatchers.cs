using System.Runtime.CompilerServices;

namespace KnowledgeHub.Portal.Tests.Infrastructure;

/// <summary>
/// Every in-memory portal watches its appsettings and static files; with inotify watchers, dozens of hosts in one run
/// (and other test runs on the machine, which share the user's limit of 128 inotify instances) fail at start with
/// "The configured user limit (128) on the number of inotify instances has been reached". Polling watchers need none.
/// </summary>
internal static class PollingFileWatchers
{
#pragma warning disable CA2255 // A test assembly: set once, before any host is built.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Use() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
