using KnowledgeHub.Documents;

namespace KnowledgeHub.Portal.Tests.Dashboard;

/// <summary>The reporting cadence a template declares (cadence, due, per) and the periods it gives.</summary>
public sealed class CadenceTests
{
    private const string Head = "---\nname: Weekly report\n";
    private const string Tail = "---\n## Results\n";

    [Fact]
    public void A_weekly_cadence_is_due_on_the_named_day_and_time_of_the_week_monday_to_sunday()
    {
        var template = TemplateParser.Parse("weekly-report", Head + "cadence: weekly\ndue: Monday 10:00\nper: team\n" + Tail);

        var cadence = template.Cadence!;
        var wednesday = new DateOnly(2026, 12, 2);
        Assert.Equal((CadencePeriod.Weekly, CadenceScope.Team), (cadence.Period, cadence.Per));
        Assert.Equal(new DateOnly(2026, 11, 30), cadence.PeriodStart(wednesday));
        Assert.Equal(new DateOnly(2026, 12, 6), cadence.PeriodEnd(wednesday));
        Assert.Equal(new DateTime(2026, 11, 30, 10, 0, 0), cadence.DueIn(wednesday));
        Assert.Equal(new DateOnly(2026, 11, 30), cadence.PeriodStart(new DateOnly(2026, 12, 6))); // Sunday ends the week
    }

    [Fact]
    public void A_monthly_cadence_without_a_due_day_is_due_at_the_end_of_the_month_and_a_due_day_is_kept_inside_short_months()
    {
        var plain = TemplateParser.Parse("data-report", Head + "cadence: monthly\n" + Tail).Cadence!;
        var fifth = TemplateParser.Parse("data-report", Head + "cadence: Monthly\ndue: 31 18:00\nper: person\n" + Tail).Cadence!;

        Assert.Equal(new DateTime(2027, 2, 28, 23, 59, 0), plain.DueIn(new DateOnly(2027, 2, 10)));
        Assert.Equal(new DateTime(2027, 2, 28, 18, 0, 0), fifth.DueIn(new DateOnly(2027, 2, 10)));
        Assert.Equal(CadenceScope.Person, fifth.Per);
    }

    [Fact]
    public void A_template_without_a_cadence_has_none()
    {
        Assert.Null(TemplateParser.Parse("sop", Head + Tail).Cadence);
    }

    [Theory]
    [InlineData("cadence: daily\n", "daily")]
    [InlineData("cadence: weekly\ndue: Someday 10:00\n", "Someday")]
    [InlineData("cadence: monthly\ndue: 40 10:00\n", "40 10:00")]
    [InlineData("cadence: weekly\ndue: Monday 25:00\n", "Monday 25:00")]
    [InlineData("cadence: weekly\nper: department\n", "department")]
    public void A_cadence_that_cannot_be_read_stops_the_template_with_a_sentence_naming_the_value(string lines, string named)
    {
        var error = Assert.Throws<FormatException>(() => TemplateParser.Parse("weekly-report", Head + lines + Tail));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
