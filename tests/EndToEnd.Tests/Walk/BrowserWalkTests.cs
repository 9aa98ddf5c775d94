using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeHub.EndToEnd.Tests.Walk;

/// <summary>
/// Issue 13's "done when", in Chromium, in Chinese and in English, on a phone (390 px) and a desktop (1366 px):
/// sign in → search → open the document → edit it → submit it for review → the reviewer approves → the author's
/// e-mail arrives (through MailKit, at the SMTP sink on loopback) in the author's language, and its link opens the
/// document. Every page is checked for the walk's language and photographed (<see cref="WalkShots"/>).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class BrowserWalkTests(PortalFixture fixture)
{
    public static TheoryData<string, int> Walks => new() { { "zh-CN", 390 }, { "en", 390 }, { "zh-CN", 1366 }, { "en", 1366 } };

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task A_document_goes_from_search_through_edit_and_review_to_the_authors_email_in_one_language(string locale, int width)
    {
        var language = WalkLanguage.Of(locale);
        var shots = new WalkShots(locale, width);
        var word = "walk" + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6).Concat("xyz").ToArray());
        var title = (language.IsEnglish ? "Walk retrospective " : "走查复盘 ") + word;
        var id = await DraftAsync(language, title);
        var path = "/Documents/" + id;

        // Sign in and find the draft by its word from the header box.
        var author = new WalkPage(await NewPageAsync(language, width), language, width, shots);
        await author.Page.GotoAsync("/Account/SignIn");
        await author.StepAsync("sign-in");
        await author.Page.ClickAsync($"#sign-in-{language.Author}");
        await Expect(author.Page.Locator("header .user-name").First).Not.ToBeEmptyAsync();
        var hit = author.Page.Locator($"article.hit a[href='{path}']").First;
        await SearchUntilFoundAsync(author.Page, word, hit);
        await author.StepAsync("search");

        // Open it, edit it (the editor shows the live template check), save.
        await hit.ClickAsync();
        await Expect(author.Page.Locator("h1")).ToHaveTextAsync(title);
        await author.Page.Locator($"a[href='{path}/Edit']").First.ClickAsync();
        await Expect(author.Page.Locator("#conformance")).ToHaveClassAsync(new Regex("\\bconforms\\b"));
        await author.Page.FillAsync("textarea[name='Form.Markdown']", Edited);
        await author.StepAsync("edit");
        await author.Page.GetByRole(AriaRole.Button, new() { Name = language.Save, Exact = true }).ClickAsync();
        await Expect(author.Page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
        await Expect(author.Page.Locator(".markdown-body")).ToContainTextAsync("3.2");

        // Submit it to the reviewer, chosen by name.
        var submit = author.Page.Locator("form.submit-form");
        await submit.Locator("label.reviewer-choice", new() { HasTextString = language.ReviewerName }).Locator("input").CheckAsync();
        await submit.GetByRole(AriaRole.Button, new() { Name = language.Submit, Exact = true }).ClickAsync();
        await Expect(author.Page.Locator(".metadata")).ToContainTextAsync(language.InReview);
        var asked = await fixture.Mail.WaitForAsync(m => Subject(m, language.ReviewRequestedSubject + title), "asking the reviewer", 60);
        Assert.Contains(fixture.Portal.BaseAddress + path[1..], asked.TextBody, StringComparison.Ordinal);

        // The reviewer finds it on the home page and approves it.
        var reviewer = new WalkPage(await NewPageAsync(language, width, language.Reviewer), language, width, shots);
        await reviewer.Page.GotoAsync("/");
        await reviewer.Page.Locator($".queue-awaiting a[href='{path}']").ClickAsync();
        await Expect(reviewer.Page.Locator("form.review-form")).ToBeVisibleAsync();
        await reviewer.Page.FillAsync("#review-comment", language.IsEnglish ? "Clear now, thanks" : "数据清楚了");
        await reviewer.StepAsync("review");
        await reviewer.Page.GetByRole(AriaRole.Button, new() { Name = language.Approve, Exact = true }).ClickAsync();
        await Expect(reviewer.Page.Locator(".metadata")).ToContainTextAsync(language.Published);

        // The author's e-mail: in the author's language, linked to the document, and the link opens it.
        var mail = await fixture.Mail.WaitForAsync(m => Subject(m, language.ApprovedSubject + title), "telling the author of the approval", 60);
        var link = new Uri(fixture.Portal.BaseAddress, path).ToString();
        Assert.Contains(language.ApprovedSentence, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{language.OpenLink}: {link}", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(language.Other.OpenLink, mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(language.Other.ApprovedSentence, mail.TextBody, StringComparison.Ordinal);
        if (language.IsEnglish)
        {
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", mail.Subject + mail.TextBody);
        }

        await ShowMailAsync(author.Page, mail);
        await shots.TakeAsync(author.Page, "mail");
        await author.Page.GetByRole(AriaRole.Link, new() { Name = language.OpenLink, Exact = true }).ClickAsync();
        await Expect(author.Page).ToHaveURLAsync(link);
        await Expect(author.Page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(author.Page.Locator(".metadata")).ToContainTextAsync(language.Published);
        await Expect(author.Page.Locator(".markdown-body")).ToContainTextAsync("3.2");
        await author.StepAsync("opened-from-mail");

        await author.Page.Context.CloseAsync();
        await reviewer.Page.Context.CloseAsync();
    }

    /// <summary>The filled retrospective with one sentence changed: what the walk's edit types.</summary>
    private static string Edited => SampleText.Replace("容量评估只按 DAU 峰值。", "容量评估只按 DAU 峰值，整点并发是峰值的 3.2 倍。", StringComparison.Ordinal);

    private static string SampleText => Samples.FilledRetrospective;

    private static bool Subject(MimeMessage message, string subject) => message.Subject == subject;

    /// <summary>The author's conforming draft, made on the New page in a context of its own (the walk starts after it).</summary>
    private async Task<string> DraftAsync(WalkLanguage language, string title)
    {
        var page = await fixture.SignedInAsync(language.Author, Options(language, 1366));
        await page.GotoAsync("/Documents/New?type=retrospective");
        await page.FillAsync("input[name='Form.Title']", title);
        await page.FillAsync("#field-project", "双十一大促");
        await page.FillAsync("#field-period", "2026-11-01 ~ 2026-11-11");
        await page.FillAsync("textarea[name='Form.Markdown']", SampleText);
        await page.GetByRole(AriaRole.Button, new() { Name = language.Create, Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        var id = new Uri(page.Url).AbsolutePath["/Documents/".Length..];
        await page.Context.CloseAsync();
        return id;
    }

    private BrowserNewContextOptions Options(WalkLanguage language, int width) => new()
    {
        BaseURL = fixture.Portal.BaseAddress.ToString(),
        Locale = language.Locale,
        ViewportSize = new ViewportSize { Width = width, Height = width < 500 ? 844 : 900 },
    };

    private async Task<IPage> NewPageAsync(WalkLanguage language, int width, string? signedInAs = null)
    {
        var options = Options(language, width);
        if (signedInAs is not null)
        {
            return await fixture.SignedInAsync(signedInAs, options);
        }

        var context = await fixture.Browser.NewContextAsync(options);
        return await context.NewPageAsync();
    }

    /// <summary>Searches until the hit shows: the index follows the change log a moment after the save.</summary>
    private static async Task SearchUntilFoundAsync(IPage page, string word, ILocator hit)
    {
        for (var attempt = 0; ; attempt++)
        {
            await page.SearchAsync(word);
            if (await hit.CountAsync() > 0 || attempt == 20)
            {
                await Expect(hit).ToBeVisibleAsync();
                return;
            }

            await Task.Delay(500);
        }
    }

    /// <summary>The e-mail as a mail client shows it: sender, recipient and subject above its HTML body.</summary>
    private static async Task ShowMailAsync(IPage page, MimeMessage mail)
    {
        await page.GotoAsync("about:blank");
        await page.SetContentAsync(mail.HtmlBody);
        await page.EvaluateAsync(
            """
            ([from, to, subject]) => {
                const header = document.createElement("div");
                header.style.cssText = "border-bottom:1px solid #ccc;margin-bottom:1em;padding-bottom:.5em;font-family:sans-serif";
                for (const line of [from, to, subject]) {
                    const p = document.createElement("div");
                    p.textContent = line;
                    header.append(p);
                }
                document.body.prepend(header);
            }
            """,
            new[] { "From: " + mail.From, "To: " + mail.To, "Subject: " + mail.Subject });
    }
}
