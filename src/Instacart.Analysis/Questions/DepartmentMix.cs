using Instacart.Data.Input;
using Instacart.Analysis.Writing;
using Instacart.Data.Derivation;
using Instacart.Data;
using Instacart.Analysis.Sessions;

namespace Instacart.Analysis.Questions;

/// <summary>A department's share of one customer group's lines against its overall share.</summary>
/// <param name="Dimension">The grouping: age group, household, income group or region.</param>
/// <param name="Group">The group within the dimension: its <see cref="AgeGroup"/>, <see cref="Household"/>, <see cref="IncomeGroup"/> or <see cref="Region"/> value.</param>
/// <param name="DepartmentId">The department id.</param>
/// <param name="Department">Its name.</param>
/// <param name="Lines">The group's lines in the department.</param>
/// <param name="Share">Lines / the group's lines.</param>
/// <param name="OverallShare">The department's share of all active lines.</param>
/// <param name="ShareDifference">Share − overall share (positive: the group buys relatively more).</param>
/// <param name="ReorderRate">Share of the group's lines in the department that are reorders.</param>
public sealed record DepartmentMixRow([property: TableColumn] CustomerDimension Dimension, [property: TableColumn("Customer group")] Enum Group, [property: TableColumn] int DepartmentId, string Department, [property: TableColumn("Order lines")] long Lines, [property: TableColumn("Share of the group's lines")] double Share, [property: TableColumn("Share of all lines")] double OverallShare, [property: TableColumn("Share difference")] double ShareDifference, double? ReorderRate);

/// <summary>Department mix by customer group (stakeholder extra <c>department_mix</c>).</summary>
public sealed class DepartmentMix : QuestionAnswer<DepartmentMixRow>
{
    private DepartmentMix(IReadOnlyList<DepartmentMixRow> rows, AnalysisOptions options)
        : base(rows, options)
    {
    }

    /// <inheritdoc />
    public override string Key => "department_mix";

    /// <inheritdoc />
    public override string Question => "Do customer groups fill their baskets differently?";

    /// <summary>Every department's share and reorder rate per age group, income group, household and region of active customers.</summary>
    public static DepartmentMix Compute(InstacartData data) => Finish(data.Options, data.Input.Departments, Partial(data));

    /// <summary>
    /// The answer for <paramref name="session"/>: on a partitioned dataset's session the finish of the partial states
    /// merged over every part (exact, every customer), otherwise computed from its data as <see cref="Compute(InstacartData)"/> does.
    /// </summary>
    public static DepartmentMix Compute(AnalysisSession session) => AnalysisSession.Cheap(session, Compute);

    /// <summary>The partial state: lines per department of all active customers, and lines and reorders per group × department cell of each dimension.</summary>
    internal static DepartmentMixPartial Partial(InstacartData data)
    {
        var departments = data.Input.Departments;
        var dimensions = Dimensions(data.Customers);
        var overall = GroupStats.ByCustomer(data, 1, Population.ActiveCustomerGroups(data, _ => 0), GroupNeeds.Departments);
        // Department × group cells per dimension (reorders need the department too), the dimensions in parallel.
        var width = departments.MaxId + 1;
        var counted = new (long[] Cells, long[] Reorders, long[] GroupLines)[dimensions.Length];
        data.Parallelism.For(dimensions.Length, k =>
        {
            var (_, groups, of, _) = dimensions[k];
            counted[k] = (new long[groups * width], new long[groups * width], new long[groups]);
            Count(data, Population.ActiveCustomerGroups(data, of), width, counted[k].Cells, counted[k].Reorders, counted[k].GroupLines);
        });
        return new DepartmentMixPartial(overall, width, counted);
    }

    /// <summary>The rows from the cells' counts.</summary>
    internal static DepartmentMix Finish(AnalysisOptions options, NamedIds departments, DepartmentMixPartial partial)
    {
        // The finish reads the dimensions' names, group counts and labels only, never a customer's facts.
        var dimensions = Dimensions(facts: null!);
        var (overall, width, counted) = (partial.Overall, partial.Width, partial.Counted);
        var rows = new List<DepartmentMixRow>();
        for (var k = 0; k < dimensions.Length; k++)
        {
            var (name, groups, _, group) = dimensions[k];
            var (cellOfLine, reorders, groupLines) = counted[k];
            for (var g = 0; g < groups; g++)
            {
                if (groupLines[g] == 0)
                {
                    continue;
                }

                foreach (var d in departments.Ids)
                {
                    var lines = cellOfLine[(g * width) + d];
                    var share = (double)lines / groupLines[g];
                    var overallShare = overall.Lines[0] == 0 ? 0 : (double)overall.DepartmentLines[0, d] / overall.Lines[0];
                    rows.Add(new DepartmentMixRow(name, group(g), d, departments[d], lines, share, overallShare, share - overallShare, lines == 0 ? null : (double)reorders[(g * width) + d] / lines));
                }
            }
        }

        // Keyed as answers.json writes them: the dimension's key, then the group's label (alphabetical), then the department.
        var ordered = rows.OrderBy(r => r.Dimension).ThenBy(r => EnumLabels.Of(r.Group), StringComparer.Ordinal).ThenBy(r => r.DepartmentId).ToList();
        return new DepartmentMix(ordered, options);
    }

    /// <summary>The four customer dimensions: name, number of groups, a customer's group and a group's value.</summary>
    private static (CustomerDimension Name, int Groups, Func<int, int> Of, Func<int, Enum> Group)[] Dimensions(CustomerFacts facts)
    {
        return new (CustomerDimension Name, int Groups, Func<int, int> Of, Func<int, Enum> Group)[]
        {
            (CustomerDimension.AgeGroup, 3, c => (int)facts.AgeGroup[c], g => (AgeGroup)g),
            (CustomerDimension.Household, 2, c => (int)facts.Household[c], g => (Household)g),
            (CustomerDimension.IncomeGroup, 3, c => (int)facts.IncomeGroup[c], g => (IncomeGroup)g),
            (CustomerDimension.Region, 5, c => (int)facts.Region[c], g => (Region)g),
        };
    }

    /// <summary>
    /// Lines and reorders per (group, department) cell and lines per group: from the per-customer department totals,
    /// else (department ids too many to keep per customer) from the lines.
    /// </summary>
    private static void Count(InstacartData data, int[] groupOfCustomer, int width, long[] cellLines, long[] cellReorders, long[] groupLines)
    {
        var totals = data.Totals;
        if (totals.CustomerDepartmentLines is { } lines && totals.CustomerDepartmentReordered is { } reordered)
        {
            var departments = totals.Departments;
            for (var c = 0; c < groupOfCustomer.Length; c++)
            {
                var g = groupOfCustomer[c];
                if (g < 0)
                {
                    continue;
                }

                for (var d = 0; d < Math.Min(departments, width); d++)
                {
                    var n = lines[(c * departments) + d];
                    cellLines[(g * width) + d] += n;
                    cellReorders[(g * width) + d] += reordered[(c * departments) + d];
                    groupLines[g] += n;
                }
            }

            return;
        }

        for (var i = 0; i < data.Lines.Count; i++)
        {
            var g = groupOfCustomer[data.CustomerOf(i)];
            if (g < 0)
            {
                continue;
            }

            var cell = (g * width) + data.Products.DepartmentId[data.Lines.Product[i]];
            cellLines[cell]++;
            cellReorders[cell] += data.Lines.Reordered[i];
            groupLines[g]++;
        }
    }

    /// <inheritdoc />
    public override string Sentence()
    {
        if (Rows.Count == 0)
        {
            return "There are no active customers to compare department mixes.";
        }

        var largest = Rows.OrderByDescending(r => Math.Abs(r.ShareDifference)).First();
        var direction = largest.ShareDifference > 0 ? "more" : "less";
        return $"Of all the customer groups (by age, household, income and region), {GroupPhrase(largest)} differ most in what they buy: "
            + $"{largest.Department} takes {Wording.Percent(largest.Share)} of their order lines against {Wording.Percent(largest.OverallShare)} for all customers, "
            + $"{Points(largest.ShareDifference)} {direction}.";
    }

    /// <summary>The rule: a group's department promotion is worth tailoring when the group's share is at least one percentage point above the overall share; the three largest such gaps are named.</summary>
    public override Suggestion Suggestion()
    {
        var above = Rows.Where(r => r.ShareDifference >= TailorPoints / 100).OrderByDescending(r => r.ShareDifference).ThenBy(r => r.DepartmentId).Take(3).ToList();
        if (above.Count == 0)
        {
            return "One department plan fits every group: no group buys a department at least one percentage point more than customers overall.";
        }

        return $"Tailor department promotions by group: {Wording.List(above.Select(r => $"{r.Department} for {GroupPhrase(r)} ({Points(r.ShareDifference)} above all customers)"))} "
            + "(rule: the largest gaps of at least one percentage point between a group's share of lines and the overall share).";
    }

    /// <summary>The smallest gap, in percentage points, that a suggestion tailors a promotion to.</summary>
    private const double TailorPoints = 1;

    private static string Points(double difference) =>
        (Math.Abs(difference) * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " percentage points";

    /// <summary>The group as the subject of a sentence: "low income customers", "customers in the South", "parents".</summary>
    internal static string GroupPhrase(DepartmentMixRow row) => row.Group switch
    {
        Region region => $"customers in the {Labels.Of(region)}",
        Household.Parent => "parents",
        Household => "customers without dependants",
        var group => $"{EnumLabels.Of(group).ToLowerInvariant()} customers",
    };

    /// <summary>How many group × department cells <see cref="Table"/> shows.</summary>
    private const int TableRows = 15;

    /// <inheritdoc />
    /// <remarks>The <see cref="TableRows"/> cells furthest from the overall share, either way.</remarks>
    public override AnswerTable Table() =>
        RowFrames.ToTable(
            Rows.OrderByDescending(r => Math.Abs(r.ShareDifference)).ThenBy(r => r.Dimension).ThenBy(r => EnumLabels.Of(r.Group), StringComparer.Ordinal).ThenBy(r => r.DepartmentId).Take(TableRows),
            Rows.Count,
            "group × department cells",
            "difference from all customers");

    /// <inheritdoc />
    public override string Method() =>
        $"Population: {Population.ActiveDescription(Options)}. For each group of a dimension, a department's share is its lines over the group's lines; "
        + "the difference is against the department's share of all active lines, so a positive difference means the group buys relatively more there. Reorder rate is over the group's lines in the department.";
}

/// <summary>The partial state of <see cref="DepartmentMix"/>.</summary>
/// <param name="Overall">Lines per department of all active customers (one group).</param>
/// <param name="Width">The department ids counted per group (largest id + 1).</param>
/// <param name="Counted">Per dimension: lines and reorders per group × department cell, and lines per group.</param>
internal sealed record DepartmentMixPartial(GroupStats Overall, int Width, (long[] Cells, long[] Reorders, long[] GroupLines)[] Counted)
{
    /// <summary>The state of both parts.</summary>
    public static DepartmentMixPartial Sum(DepartmentMixPartial a, DepartmentMixPartial b)
    {
        if (a.Width != b.Width || a.Counted.Length != b.Counted.Length)
        {
            throw new InvalidDataException("The partial answers count different departments and cannot be merged.");
        }

        var counted = a.Counted.Zip(b.Counted, (x, y) => (Add(x.Cells, y.Cells), Add(x.Reorders, y.Reorders), Add(x.GroupLines, y.GroupLines))).ToArray();
        return new DepartmentMixPartial(GroupStats.Sum(a.Overall, b.Overall), a.Width, counted);
    }

    /// <summary>Writes the state.</summary>
    public void Write(BinaryWriter writer)
    {
        Overall.Write(writer);
        writer.Write7BitEncodedInt(Width);
        writer.Write7BitEncodedInt(Counted.Length);
        foreach (var (cells, reorders, groupLines) in Counted)
        {
            Instacart.Analysis.Answers.PartialFormat.WriteCounts(writer, cells);
            Instacart.Analysis.Answers.PartialFormat.WriteCounts(writer, reorders);
            Instacart.Analysis.Answers.PartialFormat.WriteCounts(writer, groupLines);
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static DepartmentMixPartial Read(BinaryReader reader)
    {
        var overall = GroupStats.Read(reader);
        var width = Instacart.Analysis.Answers.PartialFormat.Count(reader, Instacart.Analysis.Answers.AnswerPartials.MaxDepartments);
        var counted = new (long[], long[], long[])[Instacart.Analysis.Answers.PartialFormat.Count(reader, 64)];
        for (var k = 0; k < counted.Length; k++)
        {
            var cells = Instacart.Analysis.Answers.PartialFormat.ReadCounts(reader);
            var reorders = Instacart.Analysis.Answers.PartialFormat.ReadCounts(reader);
            var groupLines = Instacart.Analysis.Answers.PartialFormat.ReadCounts(reader);
            if (cells.Length != reorders.Length || cells.Length != groupLines.Length * width)
            {
                throw new InvalidDataException("The department mix cells do not match their groups.");
            }

            counted[k] = (cells, reorders, groupLines);
        }

        return new DepartmentMixPartial(overall, width, counted);
    }

    private static long[] Add(long[] x, long[] y) => Instacart.Analysis.Answers.PartialFormat.Add(x, y);
}
