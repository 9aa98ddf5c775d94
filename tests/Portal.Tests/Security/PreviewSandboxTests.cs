using System.Net;
using KnowledgeHub.Documents;
using KnowledgeHub.Documents.Tests.Support;
using KnowledgeHub.Portal.Security;
using KnowledgeHub.Portal.Tests.Access;
using KnowledgeHub.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Portal.Tests.Security;

/// <summary>Issue 8 row 8: the global security headers do not replace the preview's sandboxing policy.</summary>
public sealed class PreviewSandboxTests(TestSignInPortalFactory portal) : IClassFixture<TestSignInPortalFactory>
{
    [Fact]
    public async Task A_preview_url_opened_directly_still_carries_the_sandbox_policy()
    {
        var (id, word) = AccessTestData.NewName();
        await AccessTestData.CreateAsync(portal.Services, TestUsers.Bob, id, word, Confidentiality.Internal);
        var pdf = SampleFiles.Pdf("sandboxed preview");
        using (var content = new MemoryStream(pdf))
        {
            await portal.Services.GetRequiredService<AttachmentService>().AddAsync(id, "图表.pdf", content, pdf.Length, TestUsers.Bob.AsCaller(), CancellationToken.None);
        }

        var bob = await portal.CreateReadyClientAsAsync(TestUsers.Bob);

        var preview = await bob.GetPageAsync($"/Documents/{id}/Attachments/{Uri.EscapeDataString("图表.pdf")}/Preview");
        var page = await bob.GetPageAsync("/Documents/" + id);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(pdf, await preview.Content.ReadAsByteArrayAsync());
        var policy = Assert.Single(preview.Headers.GetValues(SecurityHeaders.ContentSecurityPolicyHeader));
        Assert.StartsWith("sandbox;", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.True(SecurityHeaders.IsSandboxed(policy));
        Assert.Equal(["nosniff"], preview.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(page.Headers.GetValues(SecurityHeaders.ContentSecurityPolicyHeader)));
    }

    [Theory]
    [InlineData("sandbox", true)]
    [InlineData("sandbox allow-downloads; default-src 'none'", true)]
    [InlineData("default-src 'none'; SANDBOX", true)]
    [InlineData("default-src 'self'; script-src 'self'", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_policy_is_sandboxed_only_with_a_sandbox_directive(string? policy, bool expected) =>
        Assert.Equal(expected, SecurityHeaders.IsSandboxed(policy));
}
