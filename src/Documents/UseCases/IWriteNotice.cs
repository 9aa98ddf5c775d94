namespace KnowledgeHub.Documents.UseCases;

/// <summary>
/// Tells the writer, after a committed write, whether this node's search index already shows it. The portal shows a
/// sentence on the next page when it does not yet; without a portal nothing is said (<see cref="NoWriteNotice"/>).
/// </summary>
public interface IWriteNotice
{
    void After(bool indexed);
}

/// <summary>Says nothing: the default outside the portal.</summary>
public sealed class NoWriteNotice : IWriteNotice
{
    public void After(bool indexed)
    {
    }
}
