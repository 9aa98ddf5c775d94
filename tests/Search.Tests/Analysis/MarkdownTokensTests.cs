using KnowledgeHub.Documents;

namespace KnowledgeHub.Search.Tests.Analysis;

/// <summary>
/// Markdown construct → the tokens the body field indexes, through the real renderer and analyzer: no construct of the
/// pipeline (advanced extensions) joins two words or drops the words a reader sees. Words are ones Porter leaves alone.
/// </summary>
public sealed class MarkdownTokensTests : IDisposable
{
    private readonly SearchAnalyzer analyzer = new();
    private readonly MarkdownRenderer markdown = new();

    [Theory]
    // inline custom containers (::x::) and scope operators
    [InlineData("::alpha::beta", "alpha beta")]
    [InlineData("call ::alpha::beta now", "call alpha beta now")]
    [InlineData("alpha::beta::gamma", "alpha beta gamma")]
    [InlineData("::alpha:: beta", "alpha beta")]
    // emphasis and its extras keep the words they wrap apart from their neighbours where the source has a space
    [InlineData("**alpha** beta", "alpha beta")]
    [InlineData("alpha *beta* gamma", "alpha beta gamma")]
    [InlineData("alpha ~~beta~~ gamma", "alpha beta gamma")]
    [InlineData("alpha ==beta== gamma", "alpha beta gamma")]
    [InlineData("alpha ++beta++ gamma", "alpha beta gamma")]
    [InlineData("alpha ~beta~ ^gamma^", "alpha beta gamma")]
    [InlineData("alpha \"\"beta\"\" gamma", "alpha beta gamma")]
    [InlineData("**复盘**总结", "复 盘 总结")]
    // abbreviations keep the abbreviated word
    [InlineData("*[HTML]: Hyper Text\n\nalpha HTML beta", "alpha html beta")]
    // footnotes: the mark does not join, the note is text
    [InlineData("alpha[^1]beta\n\n[^1]: gamma delta", "alpha beta gamma delta")]
    // task lists, lists, quotes
    [InlineData("- [x] alpha\n- [ ] beta", "alpha beta")]
    [InlineData("- alpha\n- beta\n\n1. gamma\n2. delta", "alpha beta gamma delta")]
    [InlineData("> alpha\n> beta", "alpha beta")]
    // tables: pipe and grid, cells never joined
    [InlineData("| alpha | beta |\n|---|---|\n| gamma | delta |", "alpha beta gamma delta")]
    [InlineData("|alpha|beta|\n|-|-|\n|gamma|delta|", "alpha beta gamma delta")]
    [InlineData("+-------+-------+\n| alpha | beta  |\n+=======+=======+\n| gamma | delta |\n+-------+-------+", "alpha beta gamma delta")]
    [InlineData("| alpha<br>beta | gamma |\n|---|---|\n| x | y |", "alpha beta gamma x y")]
    [InlineData("alpha|beta", "alpha beta")]
    // definition lists
    [InlineData("alpha\n:   beta gamma\n\ndelta\n:   omega", "alpha beta gamma delta omega")]
    // math: inline and block
    [InlineData("alpha $x+y$ beta", "alpha x y beta")]
    [InlineData("alpha$x$beta", "alpha x beta")]
    [InlineData("$$\nx = y\n$$\nalpha", "x y alpha")]
    // emoji shortcodes are not converted by the pipeline: the word stays
    [InlineData("alpha :smile: beta", "alpha smile beta")]
    // autolinks, links, images
    [InlineData("see <https://alpha.org/beta> gamma", "see http alpha org beta gamma")]
    [InlineData("see https://alpha.org/beta gamma", "see http alpha org beta gamma")]
    [InlineData("[alpha](https://example.com) beta", "alpha beta")]
    [InlineData("![alpha gamma](pic.png)beta", "alpha gamma beta")]
    // HTML inlines and blocks: tags are boundaries, their text is kept, comments vanish
    [InlineData("alpha<br>beta", "alpha beta")]
    [InlineData("alpha<br/>beta <span>gamma</span>", "alpha beta gamma")]
    [InlineData("<div>\nalpha beta\n</div>\n\ngamma", "alpha beta gamma")]
    [InlineData("<!-- guidance text -->\nalpha", "alpha")]
    [InlineData("alpha&nbsp;beta&amp;gamma", "alpha beta gamma")]
    // line breaks, soft and hard
    [InlineData("alpha\nbeta", "alpha beta")]
    [InlineData("alpha  \nbeta", "alpha beta")]
    [InlineData("alpha\\\nbeta", "alpha beta")]
    // headings next to paragraphs, setext headings, attributes
    [InlineData("# alpha\nbeta", "alpha beta")]
    [InlineData("alpha\n=====\nbeta", "alpha beta")]
    [InlineData("# alpha {#gamma}\nbeta", "alpha beta")]
    [InlineData("## alpha ##\nbeta", "alpha beta")]
    // code: inline and fenced
    [InlineData("alpha `beta()` gamma", "alpha beta gamma")]
    [InlineData("```\nalpha beta\n```\ngamma", "alpha beta gamma")]
    // custom containers, figures, footers
    [InlineData(":::note\nalpha\n:::\nbeta", "alpha beta")]
    [InlineData("^^^\nalpha\n^^^ beta", "alpha beta")]
    [InlineData("^^ alpha\nbeta", "alpha beta")]
    public void A_Markdown_construct_indexes_the_words_a_reader_sees_and_no_joined_ones(string source, string expected)
    {
        var text = markdown.ToPlainText(source);

        Assert.Equal(expected, AnalysisTokens.Terms(analyzer, SearchFields.Body, text));
    }

    public void Dispose() => analyzer.Dispose();
}
