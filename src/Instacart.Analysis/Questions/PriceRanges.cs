using Instacart.Analysis.Writing;
using Instacart.Data.Derivation;
using Instacart.Data;
using Instacart.Analysis.Sessions;

namespace Instacart.Analysis.Questions;

/// <summary>A price range's products, lines and revenue.</summary>
/// <param name="PriceRange">Low, Mid, High or Unknown.</param>
/// <param name="Products">Distinct products among the population's lines.</param>
/// <param name="Lines">Order lines.</param>
/// <param name="Revenue">Sum of known prices.</param>
public sealed record PriceRangesRow(PriceRange PriceRange, long Products, [property: TableColumn("Order lines")] long Lines, double Revenue);

/// <summary>Simpler price groupings (SPEC §5 <c>price_ranges</c>).</summary>
public sealed class PriceRanges : QuestionAnswer<PriceRangesRow>
{
    private PriceRanges(IReadOnlyList<PriceRangesRow> rows, AnalysisOptions options)
        : base(rows, options)
    {
    }

    /// <inheritdoc />
    public override string Key => "price_ranges";

    /// <inheritdoc />
    public override string Question => "How do sales split across simple price ranges?";

    /// <summary>Products, lines and revenue per price range present among the lines.</summary>
    public static PriceRanges Compute(InstacartData data) => Finish(data.Options, Partial(data));

    /// <summary>
    /// The answer for <paramref name="session"/>: on a partitioned dataset's session the finish of the partial states
    /// merged over every part (exact, every customer), otherwise computed from its data as <see cref="Compute(InstacartData)"/> does.
    /// </summary>
    public static PriceRanges Compute(AnalysisSession session) => AnalysisSession.Cheap(session, Compute);

    /// <summary>The partial state: lines and revenue per price range, and which catalog rows have lines in each.</summary>
    internal static PriceRangesPartial Partial(InstacartData data)
    {
        var products = data.Products;
        var rangeOfProduct = new int[products.Count];
        for (var p = 0; p < products.Count; p++)
        {
            rangeOfProduct[p] = (int)Rules.PriceRangeOf(products.Price[p], data.Options);
        }

        var stats = GroupStats.ByProduct(data, 4, rangeOfProduct, GroupNeeds.None);
        // A product has lines in many parts, so distinct products are kept as sets of catalog rows, not counts.
        var sets = new ulong[4][];
        for (var g = 0; g < sets.Length; g++)
        {
            sets[g] = new ulong[(products.Count + 63) / 64];
        }

        var productLines = data.Totals.ProductLines;
        for (var p = 0; p < products.Count; p++)
        {
            if (productLines[p] > 0)
            {
                sets[rangeOfProduct[p]][p >> 6] |= 1UL << p;
            }
        }

        return new PriceRangesPartial(stats, sets);
    }

    /// <summary>The rows from the ranges' totals and product sets.</summary>
    internal static PriceRanges Finish(AnalysisOptions options, PriceRangesPartial partial)
    {
        var stats = partial.Stats;
        var distinct = partial.Products.Select(set => set.Sum(word => (long)System.Numerics.BitOperations.PopCount(word))).ToArray();
        var rows = Enumerable.Range(0, 4)
            .Where(g => stats.Lines[g] > 0)
            .Select(g => new PriceRangesRow((PriceRange)g, distinct[g], stats.Lines[g], stats.Revenue[g]))
            .OrderBy(r => Labels.Of(r.PriceRange), StringComparer.Ordinal)
            .ToList();
        return new PriceRanges(rows, options);
    }

    /// <inheritdoc />
    public override string Sentence()
    {
        var lines = Rows.Sum(r => (double)r.Lines);
        var revenue = Rows.Sum(r => r.Revenue);
        if (lines == 0)
        {
            return "There are no order lines to group by price.";
        }

        var ranked = Rows.OrderByDescending(r => r.Lines).ToList();
        var parts = ranked.Select(r => $"{Labels.Of(r.PriceRange)} {Wording.Percent(r.Lines, lines)} of lines and {Wording.Percent(r.Revenue, revenue)} of revenue");
        var top = ranked[0];
        var lead = top.Lines * 2 > lines
            ? $"{Labels.Of(top.PriceRange)}-range products dominate, with more than half of the order lines"
            : $"{Labels.Of(top.PriceRange)}-range products have the most order lines, though not a majority";
        return $"{lead}: {Wording.List(parts)}.";
    }

    /// <summary>The rule: the range with most lines keeps its shelf space; the range whose share of revenue most exceeds its share of lines earns most per line and is the one to upsell.</summary>
    public override Suggestion Suggestion()
    {
        var lines = Rows.Sum(r => (double)r.Lines);
        var revenue = Rows.Sum(r => r.Revenue);
        if (lines == 0 || revenue == 0)
        {
            return "No suggestion: there are no priced order lines.";
        }

        var traffic = Rows.OrderByDescending(r => r.Lines).First();
        var earner = Rows.Where(r => r.Lines > 0).OrderByDescending(r => (r.Revenue / revenue) / (r.Lines / lines)).First();
        return $"Keep {Labels.Of(traffic.PriceRange)}-range products prominent, as they bring most order lines ({Wording.Percent(traffic.Lines, lines)}), "
            + $"and upsell {Labels.Of(earner.PriceRange)}-range products, which bring {Wording.Percent(earner.Revenue, revenue)} of revenue from {Wording.Percent(earner.Lines, lines)} of lines "
            + "(rule: most lines for placement; the highest ratio of revenue share to line share for upselling).";
    }

    /// <inheritdoc />
    /// <remarks>Low, Mid, High, then Unknown.</remarks>
    public override AnswerTable Table() => RowFrames.ToTable(Rows.OrderBy(r => r.PriceRange), Rows.Count, "price ranges");

    /// <inheritdoc />
    public override string Method() =>
        $"Population: {Population.LinesDescription}. Price range of a product: Low if price ≤ {Options.LowPriceMax:0}, Mid if {Options.LowPriceMax:0} < price ≤ {Options.MidPriceMax:0}, High above {Options.MidPriceMax:0}, Unknown when the price is missing "
        + $"(prices above {Options.PriceOutlierAbove:0} are data-entry errors and become missing before ranges are assigned). Products counts distinct products among the lines. "
        + "The sentence says a range dominates only when it holds more than half of the lines.";
}

/// <summary>The partial state of <see cref="PriceRanges"/>: totals per range and, per range, the catalog rows with lines.</summary>
/// <param name="Stats">Lines and revenue per price range.</param>
/// <param name="Products">Per range, a bit set of the catalog rows with lines (every part has the same catalog).</param>
internal sealed record PriceRangesPartial(GroupStats Stats, ulong[][] Products)
{
    /// <summary>The state of both parts.</summary>
    public static PriceRangesPartial Sum(PriceRangesPartial a, PriceRangesPartial b) =>
        a.Products.Length != b.Products.Length
            ? throw new InvalidDataException("The partial answers hold different price ranges and cannot be merged.")
            : new(GroupStats.Sum(a.Stats, b.Stats), a.Products.Zip(b.Products, Instacart.Analysis.Answers.PartialFormat.Or).ToArray());

    /// <summary>Writes the state.</summary>
    public void Write(BinaryWriter writer)
    {
        Stats.Write(writer);
        writer.Write7BitEncodedInt(Products.Length);
        foreach (var set in Products)
        {
            Instacart.Analysis.Answers.PartialFormat.WriteBits(writer, set);
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static PriceRangesPartial Read(BinaryReader reader)
    {
        var stats = GroupStats.Read(reader);
        var sets = new ulong[Instacart.Analysis.Answers.PartialFormat.Count(reader, 64)][];
        for (var g = 0; g < sets.Length; g++)
        {
            sets[g] = Instacart.Analysis.Answers.PartialFormat.ReadBits(reader);
        }

        return new PriceRangesPartial(stats, sets);
    }
}
