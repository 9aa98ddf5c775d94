using System.ComponentModel.DataAnnotations;

namespace KnowledgeHub.Storage;

/// <summary>Where blobs live: the "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Storage:Provider — FileSystem (the embedded default) or AzureBlob.</summary>
    [EnumDataType(typeof(StorageProvider), ErrorMessage = "Storage:Provider must be FileSystem or AzureBlob.")]
    public StorageProvider Provider { get; set; } = StorageProvider.FileSystem;

    public FileSystemStorageOptions FileSystem { get; set; } = new();

    public AzureBlobStorageOptions AzureBlob { get; set; } = new();
}

public enum StorageProvider
{
    FileSystem,
    AzureBlob,
}

/// <summary>The "Storage:FileSystem" section.</summary>
public sealed class FileSystemStorageOptions
{
    /// <summary>
    /// Storage:FileSystem:RootPath — the folder holding the blobs. Empty means "data/blobs" under
    /// the host's content root (the project folder under <c>dotnet run</c>, the app folder when
    /// published); a relative path is taken relative to that content root too.
    /// </summary>
    public string? RootPath { get; set; }

    /// <summary>The absolute root folder for a content root (the app base folder when there is no host).</summary>
    public string ResolveRootPath(string? contentRootPath) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(RootPath) ? Path.Combine("data", "blobs") : RootPath, contentRootPath ?? AppContext.BaseDirectory);
}

/// <summary>The "Storage:AzureBlob" section: a connection string, or a service URI used with a token credential.</summary>
public sealed class AzureBlobStorageOptions
{
    /// <summary>Storage:AzureBlob:ConnectionString — account key or SAS connection string (also Azurite's).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Storage:AzureBlob:ServiceUri — e.g. https://myaccount.blob.core.windows.net/, signed in with DefaultAzureCredential (managed identity).</summary>
    public string? ServiceUri { get; set; }

    /// <summary>Storage:AzureBlob:ContainerName — created on first write when missing.</summary>
    public string ContainerName { get; set; } = "knowledgehub";
}
