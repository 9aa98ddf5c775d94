using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Storage.DataProtection;

/// <summary>
/// The ASP.NET Core Data Protection key ring kept in the blob store, one blob per element under
/// <see cref="Prefix"/> (<c>keys/dataprotection/key-{id}.xml</c>), so every portal node over the same storage shares
/// one key ring: a cookie or antiforgery token issued by one node is accepted by all, and a restart signs nobody out.
/// Elements are written create-only: two nodes starting at once each add their own key, never overwrite one.
/// <para>
/// <see cref="IXmlRepository"/> is synchronous by contract; Data Protection calls it when it creates a key (every 90
/// days) and when it refreshes the key ring (about once a day), never per request. Those calls block on the store —
/// the one sanctioned sync-over-async of the code base, kept in <see cref="Block{T}"/>.
/// </para>
/// </summary>
public sealed partial class BlobXmlRepository(IBlobStore store, ILogger<BlobXmlRepository> logger) : IXmlRepository
{
    public const string Prefix = "keys/dataprotection/";

    /// <summary>How long one call may wait for storage before Data Protection sees the failure.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public IReadOnlyCollection<XElement> GetAllElements() => Block(GetAllElementsAsync);

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        Block(async token =>
        {
            await StoreElementAsync(element, friendlyName, token);
            return true;
        });
    }

    /// <summary>Every stored element, in name order; a blob that is not XML is logged and left out.</summary>
    public async Task<IReadOnlyCollection<XElement>> GetAllElementsAsync(CancellationToken cancellationToken)
    {
        var elements = new List<XElement>();
        await foreach (var item in store.ListAsync(Prefix, cancellationToken))
        {
            if (!item.Name.EndsWith(".xml", StringComparison.Ordinal) || await store.ReadAsync(item.Name, cancellationToken) is not { } blob)
            {
                continue;
            }

            try
            {
                elements.Add(XElement.Parse(Encoding.UTF8.GetString(blob.Content.Span)));
            }
            catch (System.Xml.XmlException exception)
            {
                LogUnreadable(logger, item.Name, exception);
            }
        }

        return elements;
    }

    /// <summary>Stores an element create-only under a name made from <paramref name="friendlyName"/> (a new name when taken).</summary>
    public async Task StoreElementAsync(XElement element, string? friendlyName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(element);
        var bytes = Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting));
        var name = BlobName(friendlyName);
        try
        {
            await store.WriteAsync(name, bytes, WriteCondition.IfNotExists, cancellationToken);
        }
        catch (BlobConditionFailedException)
        {
            // Names come from key ids (GUIDs), so this is another element under the same name: keep both.
            name = BlobName(friendlyName + "-" + Guid.NewGuid().ToString("N"));
            await store.WriteAsync(name, bytes, WriteCondition.IfNotExists, cancellationToken);
        }

        LogStored(logger, name);
    }

    /// <summary>The blob name of an element: letters, digits, '-' and '_' of the friendly name (a GUID when none is left).</summary>
    public static string BlobName(string? friendlyName)
    {
        var safe = new string((friendlyName ?? "").Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray());
        return Prefix + (safe.Length == 0 ? Guid.NewGuid().ToString("N") : safe) + ".xml";
    }

    [SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "IXmlRepository is synchronous; called on key creation and key-ring refresh only, never per request.")]
    private static T Block<T>(Func<CancellationToken, Task<T>> work)
    {
        using var timeout = new CancellationTokenSource(Timeout);

        // On the thread pool, so no synchronization context of the caller can deadlock the continuation.
        return Task.Run(() => work(timeout.Token), timeout.Token).GetAwaiter().GetResult();
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Stored a Data Protection key-ring element at {BlobName}")]
    private static partial void LogStored(ILogger logger, string blobName);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "The Data Protection key-ring element {BlobName} is not XML; it is left out")]
    private static partial void LogUnreadable(ILogger logger, string blobName, Exception exception);
}
