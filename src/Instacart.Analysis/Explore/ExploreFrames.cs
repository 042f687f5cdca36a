using Instacart.Analysis.Writing;
using Instacart.Data.Derivation;
using Instacart.Data;
using Microsoft.Data.Analysis;

namespace Instacart.Analysis.Explore;

/// <summary>
/// The cleaned tables as <see cref="DataFrame"/>s, for analysts who go beyond the questions. Column names are
/// snake_case; the day number is <c>orders_day_of_week</c>; customers carry no personal names (they never
/// left the loader). Frames are built on demand from the typed columns; codes are labelled as they are written
/// (<see cref="EnumLabels"/>), as in the answers' rows.
/// </summary>
public static class ExploreFrames
{
    /// <summary>Every order of <c>orders.csv</c>, all eval sets, with the day's name.</summary>
    public static DataFrame Orders(InstacartData data)
    {
        var orders = data.Orders;
        return new DataFrame(
            new Int32DataFrameColumn("order_id", orders.OrderId),
            new Int32DataFrameColumn("user_id", orders.UserId),
            EnumLabels.Column("eval_set", orders.EvalSet),
            new Int32DataFrameColumn("order_number", orders.OrderNumber),
            new ByteDataFrameColumn("orders_day_of_week", orders.DayOfWeek),
            new StringDataFrameColumn("day", orders.DayOfWeek.Select(d => Labels.Day(d, data.Options.DayConvention))),
            new ByteDataFrameColumn("order_hour_of_day", orders.HourOfDay),
            new SingleDataFrameColumn("days_since_prior_order", orders.DaysSincePrior.Select(d => float.IsNaN(d) ? (float?)null : d)));
    }

    /// <summary>The clean products with department and aisle names and their price range.</summary>
    public static DataFrame Products(InstacartData data)
    {
        var products = data.Products;
        var departments = data.Input.Departments;
        var aisles = data.Input.Aisles;
        return new DataFrame(
            new Int32DataFrameColumn("product_id", products.ProductId),
            new StringDataFrameColumn("product_name", products.Name),
            new Int32DataFrameColumn("aisle_id", products.AisleId),
            new StringDataFrameColumn("aisle", products.AisleId.Select(a => aisles?.NameOrNull(a))),
            new Int32DataFrameColumn("department_id", products.DepartmentId),
            new StringDataFrameColumn("department", products.DepartmentId.Select(d => departments[d])),
            new DoubleDataFrameColumn("prices", products.Price.Select(p => double.IsNaN(p) ? (double?)null : p)),
            EnumLabels.Column("price_range", products.Price.Select(p => Rules.PriceRangeOf(p, data.Options))));
    }

    /// <summary>The customers as SPEC §2.4 renames them (no personal names).</summary>
    public static DataFrame Customers(InstacartData data)
    {
        var customers = data.Input.Customers;
        return new DataFrame(
            new Int32DataFrameColumn("user_id", customers.UserId),
            new StringDataFrameColumn("gender", customers.Gender),
            new StringDataFrameColumn("state", customers.State),
            new Int32DataFrameColumn("age", customers.Age),
            new StringDataFrameColumn("date_joined", customers.DateJoined),
            new Int32DataFrameColumn("n_dependants", customers.Dependants),
            new StringDataFrameColumn("fam_status", customers.FamilyStatus),
            new Int32DataFrameColumn("income", customers.Income));
    }

    /// <summary>One row per customer with every derived value of SPEC §4.</summary>
    public static DataFrame CustomerSummary(InstacartData data)
    {
        var facts = data.Customers;
        var ids = data.Input.Customers.UserId;
        var rows = Enumerable.Range(0, facts.Count).ToArray();
        return new DataFrame(
            new Int32DataFrameColumn("user_id", ids),
            new Int32DataFrameColumn("max_order", facts.MaxOrder),
            new BooleanDataFrameColumn("active", facts.Active),
            new Int32DataFrameColumn("lines", facts.Lines),
            new DoubleDataFrameColumn("revenue", facts.Revenue),
            new DoubleDataFrameColumn("mean_item_price", rows.Select(c => NullIfNaN(facts.MeanItemPrice(c)))),
            new DoubleDataFrameColumn("median_days_between_orders", facts.MedianDays.Select(NullIfNaN)),
            EnumLabels.Column("loyalty", facts.Loyalty),
            EnumLabels.Column("spending", facts.Spending),
            EnumLabels.Column("frequency", facts.Frequency),
            EnumLabels.Column("region", facts.Region),
            EnumLabels.Column("age_group", facts.AgeGroup),
            EnumLabels.Column("income_group", facts.IncomeGroup),
            EnumLabels.Column("household", facts.Household),
            EnumLabels.Column("profile", facts.Profile),
            new BooleanDataFrameColumn("baby_household", facts.BabyHousehold));
    }

    private static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;
}
