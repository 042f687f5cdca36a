using Instacart.Notebooks.Publishing;
using Microsoft.DotNet.Interactive.Documents;

namespace Instacart.Notebooks.Tests;

/// <summary>The header, the index and its suggestion lines, rendered without running a notebook.</summary>
public sealed class ReportPagesTests
{
    private static readonly DatasetIdentity RealData = new("ab12", "instacart-2017") { Customers = 206_209, Orders = 3_214_874, Lines = 32_434_489 };

    [Fact]
    public void Header_RealData_NamesTheRunAndTheDataWithoutTheSyntheticBanner()
    {
        var html = PageHeader.Render(new PageContext { Dataset = RealData, RunAt = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(2)) }, "notebooks/01-busiest-days.dib");

        Assert.Contains("Run 2026-03-04 03:06 UTC", html);
        Assert.Contains("Data: instacart-2017 (206,209 customers, 3,214,874 orders, 32,434,489 order lines), fingerprint", html);
        Assert.DoesNotContain("Synthetic", html);
        Assert.Contains("<a href=\"index.html\">", html);
    }

    [Fact]
    public void Header_GeneratedData_CarriesTheBanner()
    {
        var html = PageHeader.Render(new PageContext { Dataset = RealData with { Synthetic = true } }, null);

        Assert.StartsWith("<p class=\"banner synthetic\"><strong>Synthetic sample data</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Run ", html);
    }

    [Fact]
    public void DatasetIdentity_DataSample_IsSyntheticWithItsCounts()
    {
        var data = RepoPaths.SampleSession.Data;

        var identity = DatasetIdentity.Of(data, RepoPaths.DataSample + Path.DirectorySeparatorChar);

        Assert.True(identity.Synthetic);
        Assert.Equal("data-sample", identity.FolderName);
        Assert.Equal(data.Reconciliation.LinesMerged, identity.Lines);
    }

    [Fact]
    public void Index_NotebooksWithAndWithoutSuggestionOrFailure_ShowsEachOnceAndNoStatusColumn()
    {
        var notebooks = new[]
        {
            Report("01-busiest-days", "Saturday is busiest.", null) with { Suggestion = "Staff up on Saturdays." },
            Report("07-loyalty", "Loyal customers spend more.", null),
            Report("16-new-question", null, "notebooks/16-new-question.dib: cell 2, line 9: boom"),
        };

        var html = IndexPage.Render(notebooks, new PageContext { Files = [new PageLink("report.pdf", "report.pdf"), new PageLink("answers.json", "answers.json")] });

        Assert.Contains("<p class=\"suggestion\">Staff up on Saturdays.</p>", html);
        Assert.Equal(1, HtmlChecks.Count(html, "class=\"suggestion\""));
        Assert.Contains("<td class=\"status failed\">Failed: notebooks/16-new-question.dib: cell 2, line 9: boom</td>", html);
        Assert.Contains("1 failed", html);
        Assert.Contains("Also in this report: <a href=\"report.pdf\">report.pdf</a> · <a href=\"answers.json\">answers.json</a>", html);
        Assert.Contains("<section class=\"part\" id=\"part-time\">", html);
        Assert.Contains("<section class=\"part\" id=\"part-customers\">", html);
        Assert.Contains("<section class=\"part\" id=\"part-other\">", html);
        Assert.DoesNotContain("Status", html);
    }

    [Theory]
    [InlineData("<div><p class=\"suggestion\">What this suggests: promote <b>premium</b> items at 10:00 &amp; 11:00.</p></div>", "promote premium items at 10:00 & 11:00.")]
    [InlineData("<p class=\"note suggestion\">\n  Run ads on Tuesdays.\n</p>", "Run ads on Tuesdays.")]
    [InlineData("<p class=\"answer\">Not a suggestion.</p>", null)]
    [InlineData("<p class=\"suggestions-list\">Not one either.</p>", null)]
    public void SuggestionText_HtmlOutput_IsTheElementsTextOrNothing(string html, string? expected)
    {
        var output = new DisplayElement(new Dictionary<string, object> { ["text/html"] = html });

        Assert.Equal(expected, SuggestionText.Find(output));
    }

    private static NotebookReport Report(string name, string? answer, string? error) =>
        new(name, $"notebooks/{name}.dib", name, answer, error is null ? RunStatus.Succeeded : RunStatus.Failed, error, TimeSpan.Zero, TimeSpan.Zero, []);
}
