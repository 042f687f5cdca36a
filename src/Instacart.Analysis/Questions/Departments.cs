using Instacart.Data.Input;
using Instacart.Data.Derivation;
using Instacart.Analysis.Writing;
using Instacart.Data;
using Instacart.Analysis.Sessions;
namespace Instacart.Analysis.Questions;

/// <summary>A department's volume, revenue and reorders.</summary>
/// <param name="DepartmentId">The department id.</param>
/// <param name="Department">Its name.</param>
/// <param name="Lines">Order lines.</param>
/// <param name="Orders">Distinct orders containing the department.</param>
/// <param name="Revenue">Sum of known prices.</param>
/// <param name="RevenuePerOrder">Revenue / orders containing the department.</param>
/// <param name="ReorderRate">Share of the department's lines that are reorders.</param>
public sealed record DepartmentsRow([property: TableColumn] int DepartmentId, string Department, [property: TableColumn("Order lines")] long Lines, long Orders, double Revenue, double? RevenuePerOrder, double ReorderRate);

/// <summary>The most popular departments (SPEC §5 <c>departments</c>).</summary>
public sealed class Departments : QuestionAnswer<DepartmentsRow>
{
    private Departments(IReadOnlyList<DepartmentsRow> rows, AnalysisOptions options)
        : base(rows, options)
    {
    }

    /// <inheritdoc />
    public override string Key => "departments";

    /// <inheritdoc />
    public override string Question => "Which departments are most popular?";

    /// <summary>Lines, orders, revenue and reorder rate per department present among the lines.</summary>
    public static Departments Compute(InstacartData data) => Finish(data.Options, data.Input.Departments, Partial(data));

    /// <summary>
    /// The answer for <paramref name="session"/>: on a partitioned dataset's session the finish of the partial states
    /// merged over every part (exact, every customer), otherwise computed from its data as <see cref="Compute(InstacartData)"/> does.
    /// </summary>
    public static Departments Compute(AnalysisSession session) => AnalysisSession.Cheap(session, Compute);

    /// <summary>The partial state: lines, orders, revenue and reorders per department id.</summary>
    internal static GroupStats Partial(InstacartData data) =>
        GroupStats.ByProduct(data, data.Input.Departments.MaxId + 1, data.Products.DepartmentId, GroupNeeds.Orders);

    /// <summary>The rows from the departments' totals.</summary>
    internal static Departments Finish(AnalysisOptions options, NamedIds departments, GroupStats stats)
    {
        var rows = departments.Ids
            .Where(d => stats.Lines[d] > 0)
            .Select(d => new DepartmentsRow(d, departments[d], stats.Lines[d], stats.Orders[d], stats.Revenue[d], stats.MeanOrderValue(d), (double)stats.Reordered[d] / stats.Lines[d]))
            .ToList();
        return new Departments(rows, options);
    }

    /// <inheritdoc />
    public override string Sentence()
    {
        var total = Rows.Sum(r => (double)r.Lines);
        if (total == 0)
        {
            return "There are no order lines to split by department.";
        }

        var top = Rows.OrderByDescending(r => r.Lines).ThenBy(r => r.DepartmentId).Take(3).ToList();
        var loyal = Rows.Where(r => r.Lines * 100 >= total).OrderByDescending(r => r.ReorderRate).ThenBy(r => r.DepartmentId).First();
        return $"The most popular departments by order lines are {Wording.List(top.Select(r => $"{r.Department} ({Wording.Percent(r.Lines, total)})"))}, "
            + $"together {Wording.Percent(top.Sum(r => r.Lines), total)} of all lines; among departments with at least 1% of lines, {loyal.Department} is reordered most ({Wording.Percent(loyal.ReorderRate)} of its lines).";
    }

    /// <summary>The rule: the three most reordered departments with at least 1% of lines get "buy again" reminders; the department with most lines keeps the front page.</summary>
    public override Suggestion Suggestion()
    {
        var total = Rows.Sum(r => (double)r.Lines);
        if (total == 0)
        {
            return "No suggestion: there are no order lines.";
        }

        var top = Rows.OrderByDescending(r => r.Lines).ThenBy(r => r.DepartmentId).First();
        var habits = Rows.Where(r => r.Lines * 100 >= total).OrderByDescending(r => r.ReorderRate).ThenBy(r => r.DepartmentId).Take(3).ToList();
        return $"Keep {top.Department} on the front page ({Wording.Percent(top.Lines, total)} of order lines) and put \"buy again\" reminders on {Wording.List(habits.Select(r => r.Department))}, "
            + "the departments customers reorder most (rule: most lines for the front page; the three highest reorder rates among departments with at least 1% of lines for reminders).";
    }

    /// <inheritdoc />
    /// <remarks>Every department, most order lines first.</remarks>
    public override AnswerTable Table() =>
        RowFrames.ToTable(Rows.OrderByDescending(r => r.Lines).ThenBy(r => r.DepartmentId), Rows.Count, "departments, most order lines first");

    /// <inheritdoc />
    public override string Method() =>
        $"Population: {Population.LinesDescription}. Lines and revenue (known prices only) per department of the product; orders counts distinct orders containing the department, "
        + "so revenue per order is the department's revenue over the orders that contain it; reorder rate is the mean of `reordered` over its lines.";
}
