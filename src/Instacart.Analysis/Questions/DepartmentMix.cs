using Instacart.Analysis.Writing;
using Instacart.Data.Derivation;
using Instacart.Data;

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
    private DepartmentMix(IReadOnlyList<DepartmentMixRow> rows, InstacartData data)
        : base(rows, data)
    {
    }

    /// <inheritdoc />
    public override string Key => "department_mix";

    /// <inheritdoc />
    public override string Question => "Do customer groups fill their baskets differently?";

    /// <summary>Every department's share and reorder rate per age group, income group, household and region of active customers.</summary>
    public static DepartmentMix Compute(InstacartData data)
    {
        var facts = data.Customers;
        var departments = data.Input.Departments;
        var dimensions = new (CustomerDimension Name, int Groups, Func<int, int> Of, Func<int, Enum> Group)[]
        {
            (CustomerDimension.AgeGroup, 3, c => (int)facts.AgeGroup[c], g => (AgeGroup)g),
            (CustomerDimension.Household, 2, c => (int)facts.Household[c], g => (Household)g),
            (CustomerDimension.IncomeGroup, 3, c => (int)facts.IncomeGroup[c], g => (IncomeGroup)g),
            (CustomerDimension.Region, 5, c => (int)facts.Region[c], g => (Region)g),
        };

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
        return new DepartmentMix(ordered, data);
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
