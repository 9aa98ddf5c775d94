using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.Storage;

/// <summary>The rules data annotations cannot express; every message names the setting to fix.</summary>
public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Provider switch
        {
            StorageProvider.FileSystem => FileSystemFailures(options.FileSystem),
            StorageProvider.AzureBlob => AzureFailures(options.AzureBlob),
            _ => [$"Storage:Provider must be FileSystem or AzureBlob (found '{options.Provider}')."],
        };
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static List<string> FileSystemFailures(FileSystemStorageOptions options)
    {
        var failures = new List<string>();
        if (options.RootPath is { } root && root.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"Storage:FileSystem:RootPath is not a valid folder path (found '{root}').");
        }

        return failures;
    }

    private static List<string> AzureFailures(AzureBlobStorageOptions options)
    {
        var failures = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasServiceUri = !string.IsNullOrWhiteSpace(options.ServiceUri);
        if (!hasConnectionString && !hasServiceUri)
        {
            failures.Add("Storage:AzureBlob:ConnectionString or Storage:AzureBlob:ServiceUri must be set when Storage:Provider is AzureBlob.");
        }
        else if (hasConnectionString && hasServiceUri)
        {
            failures.Add("Set only one of Storage:AzureBlob:ConnectionString and Storage:AzureBlob:ServiceUri.");
        }
        else if (hasConnectionString && !IsConnectionString(options.ConnectionString!))
        {
            failures.Add("Storage:AzureBlob:ConnectionString is not an Azure Storage connection string (expected e.g. 'DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net').");
        }
        else if (hasServiceUri && !(Uri.TryCreate(options.ServiceUri, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            failures.Add($"Storage:AzureBlob:ServiceUri must be an absolute https URI such as https://myaccount.blob.core.windows.net/ (found '{options.ServiceUri}').");
        }

        if (!ContainerName().IsMatch(options.ContainerName ?? ""))
        {
            failures.Add($"Storage:AzureBlob:ContainerName must be 3 to 63 lowercase letters, digits and single hyphens, starting with a letter or digit (found '{options.ContainerName}').");
        }

        return failures;
    }

    private static bool IsConnectionString(string connectionString)
    {
        try
        {
            _ = new BlobServiceClient(connectionString);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9](?:-?[a-z0-9])*$")]
    private static partial Regex ContainerName();
}
