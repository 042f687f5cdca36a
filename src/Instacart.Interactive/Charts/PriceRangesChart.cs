using System.Globalization;
using Instacart.Data.Derivation;
using Instacart.Analysis.Questions;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>The chart of <see cref="PriceRanges"/>.</summary>
public static class PriceRangesChart
{
    /// <summary>
    /// Each price range's share of order lines beside its share of revenue (grouped bars, Low to High then
    /// Unknown), so cheap products' weight in volume and in money compare at a glance. Hover gives the counts.
    /// </summary>
    /// <param name="answer">The computed answer; one bar pair per row.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Shares(PriceRanges answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var rows = answer.Rows.OrderBy(r => r.PriceRange).ToList();
        var order = rows.Select(r => Labels.Of(r.PriceRange)).ToList();
        var lines = rows.Sum(r => (double)r.Lines);
        var revenue = rows.Sum(r => r.Revenue);
        var lineShare = Plot.Bars(order, rows.Select(r => lines == 0 ? 0 : r.Lines / lines), "Share of order lines", Plot.Strong)
            .Hover($"<b>%{{x}}</b> price range<br>%{{y:.1%}} of order lines<br>%{{customdata[0]:,}} lines of %{{customdata[1]:,}} products", rows.Select(r => new object?[] { r.Lines, r.Products }));
        var revenueShare = Plot.Bars(order, rows.Select(r => revenue == 0 ? 0 : r.Revenue / revenue), "Share of revenue", Plot.Accent)
            .Hover($"<b>%{{x}}</b> price range<br>%{{y:.1%}} of revenue<br>$%{{customdata[0]:,.2f}}", rows.Select(r => new object?[] { r.Revenue }));
        var options = answer.Options;
        var axisTitle = string.Create(CultureInfo.InvariantCulture, $"Price range (Low ≤ ${options.LowPriceMax:0.##} < Mid ≤ ${options.MidPriceMax:0.##} < High; Unknown: no price)");
        return Plot.Figure($"Share of order lines and of revenue by price range", [lineShare, revenueShare], new Dictionary<string, object?>
        {
            ["barmode"] = "group",
            ["xaxis"] = new Axis(axisTitle, Categories: order).ToLayout(vertical: false),
            ["yaxis"] = new Axis("Share of the total (%)", TickFormat: ".0%").ToLayout(vertical: true),
        });
    }
}
