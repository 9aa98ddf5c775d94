namespace KnowledgeHub.Search.Tests.Query;

/// <summary>
/// A fragment copied from a page, cut inside a word at each end, among documents whose titles hold its words one by one:
/// the document that has the fragment's clauses word for word ranks first, though the others match its words in titles
/// (which count three times a body's).
/// </summary>
public sealed class PastedFragmentTests : IAsyncLifetime
{
    private readonly SearchHost host = SearchHost.Create();

    public async Task InitializeAsync()
    {
        await host.AddAsync(new TestDoc("toolbars", "Toolbars", "Click the arrow next to the icon to open the Insert toolbar, where you can add graphics and special characters to the document. Drag a toolbar by its handle to dock it."), catchUp: false);
        await host.AddAsync(new TestDoc("inserting-graphics", "Inserting Graphics", "To add graphics, choose the menu where images are kept; you can also drag them in."), catchUp: false);
        await host.AddAsync(new TestDoc("add-field", "Add Field", "Where you can add a field, the toolbar shows it; open the dialog to choose one."), catchUp: false);
        await host.AddAsync(new TestDoc("special-characters", "Special Characters", "Insert special characters from the dialog; the icon opens it and you can add favourites."), catchUp: false);
        await host.AddAsync(new TestDoc("insert-toolbar", "Insert Toolbar Icons", "The insert toolbar lists icons; open it to add graphics, characters and more."), catchUp: false);
        await host.Synchronizer.CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("pen the Insert toolbar, where you can add graphics and speci")]
    [InlineData("he icon to open the Insert toolbar, where you can add graphics and special characters to the docu")]
    [InlineData("ere you can add graphics and special characters to the document. Drag a toolbar by its han")]
    public void The_document_a_fragment_was_copied_from_ranks_first(string fragment) =>
        Assert.Equal("toolbars", host.Search(fragment).Hits[0].DocumentId);
}
