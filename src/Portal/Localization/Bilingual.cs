using KnowledgeHub.Documents;

namespace KnowledgeHub.Portal.Localization;

/// <summary>
/// Names that templates and settings write in both languages ("项目 Project", "KPI 目标 KPI targets"), shown in the
/// UI language only: the Chinese part is everything up to the last Chinese character, the English part the rest.
/// </summary>
public static class Bilingual
{
    /// <summary>The Chinese and the English part of <paramref name="text"/>; a text in one language is both.</summary>
    public static (string Zh, string En) Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var last = -1;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (IsChinese(text[i]))
            {
                last = i;
                break;
            }
        }

        if (last < 0)
        {
            return (text.Trim(), text.Trim());
        }

        var zh = text[..(last + 1)].Trim();
        var en = text[(last + 1)..].Trim().TrimStart('/', '·', '-', '—', '|').Trim();
        return en.Any(char.IsAsciiLetter) ? (zh, en) : (text.Trim(), text.Trim());
    }

    /// <summary>The part of <paramref name="text"/> in the request's UI language.</summary>
    public static string Pick(string text)
    {
        var (zh, en) = Split(text);
        return PortalLocalization.IsEnglish ? en : zh;
    }

    /// <summary>A template type's name in the UI language (its English name when it has no Chinese one).</summary>
    public static string TypeName(DocumentTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return PortalLocalization.IsEnglish || string.IsNullOrEmpty(template.NameZh) ? template.Name : template.NameZh;
    }

    /// <summary>A required section's name in the UI language: its title in English, its first Chinese alias in Chinese.</summary>
    public static string SectionName(TemplateSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (PortalLocalization.IsEnglish)
        {
            return section.Title.Trim();
        }

        return section.Aliases.FirstOrDefault(a => a.Any(IsChinese) && !a.Any(char.IsAsciiLetter))?.Trim()
            ?? Split(SectionNames.Display(section)).Zh;
    }

    /// <summary>Han characters and CJK punctuation (、。「」 and the full-width forms).</summary>
    public static bool IsChinese(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF' or >= '\uF900' and <= '\uFAFF';
}
