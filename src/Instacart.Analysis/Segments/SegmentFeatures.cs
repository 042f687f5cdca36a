using Instacart.Data;
namespace Instacart.Analysis.Segments;

/// <summary>One clustering feature.</summary>
/// <param name="Key">snake_case name: <c>max_order</c>, <c>median_days</c>, <c>basket_size</c>, <c>mean_item_price</c>, <c>reorder_rate</c> or <c>share_&lt;department&gt;</c>.</param>
/// <param name="Label">How it reads in a sentence.</param>
/// <param name="DepartmentId">The department of a share feature; -1 for the others.</param>
public sealed record SegmentFeature(string Key, string Label, int DepartmentId);

/// <summary>
/// The per-customer feature matrix of the clusters: one row per active customer with merged lines, raw values
/// (missing values filled) and their z-scores.
/// </summary>
internal sealed class SegmentFeatures
{
    private SegmentFeatures(int[] customers, SegmentFeature[] features, double[][] raw, float[][] standard, double[] mean, double[] sd, int daysFilled, double daysFill, int priceFilled, double priceFill)
    {
        Customers = customers;
        Features = features;
        Raw = raw;
        Standard = standard;
        Mean = mean;
        Sd = sd;
        DaysFilled = daysFilled;
        DaysFill = daysFill;
        PriceFilled = priceFilled;
        PriceFill = priceFill;
    }

    /// <summary>The customer row of each point.</summary>
    public int[] Customers { get; }

    /// <summary>The features, in column order.</summary>
    public SegmentFeature[] Features { get; }

    /// <summary>Raw values (missing filled), one array per customer.</summary>
    public double[][] Raw { get; }

    /// <summary>z-scores, one array per customer (0 for a constant feature).</summary>
    public float[][] Standard { get; }

    /// <summary>Each feature's population mean (after filling).</summary>
    public double[] Mean { get; }

    /// <summary>Each feature's population standard deviation (0 for a constant feature).</summary>
    public double[] Sd { get; }

    /// <summary>Customers whose median days between orders was missing.</summary>
    public int DaysFilled { get; }

    /// <summary>The value they were given: the median of the known customer medians.</summary>
    public double DaysFill { get; }

    /// <summary>Customers without a known item price.</summary>
    public int PriceFilled { get; }

    /// <summary>The value they were given: the mean of the known customer means.</summary>
    public double PriceFill { get; }

    /// <summary>Builds the features of every active customer with merged lines.</summary>
    public static SegmentFeatures Build(InstacartData data)
    {
        var facts = data.Customers;
        var lines = data.Lines;
        var products = data.Products;
        var departments = data.Input.Departments;
        var width = departments.MaxId + 1;

        var customers = Enumerable.Range(0, facts.Count).Where(c => facts.Active[c] && facts.Lines[c] > 0).ToArray();
        var point = new int[facts.Count];
        Array.Fill(point, -1);
        for (var i = 0; i < customers.Length; i++)
        {
            point[customers[i]] = i;
        }

        var departmentLines = new int[customers.Length * width];
        var reorders = new int[customers.Length];
        var orders = new int[customers.Length];
        var orderSeen = new bool[data.Orders.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var o = lines.Order[i];
            var p = point[data.Merge.OrderCustomer[o]];
            if (p < 0)
            {
                continue;
            }

            departmentLines[(p * width) + products.DepartmentId[lines.Product[i]]]++;
            reorders[p] += lines.Reordered[i];
            if (!orderSeen[o])
            {
                orderSeen[o] = true;
                orders[p]++;
            }
        }

        // A department nobody in the population bought has no variance and no meaning: no feature.
        var used = departments.Ids.Where(d => Enumerable.Range(0, customers.Length).Any(p => departmentLines[(p * width) + d] > 0)).ToArray();
        var features = new List<SegmentFeature>
        {
            new("max_order", "number of prior orders", -1),
            new("median_days", "median days between orders", -1),
            new("basket_size", "mean basket size", -1),
            new("mean_item_price", "mean item price", -1),
            new("reorder_rate", "reorder rate", -1),
        };
        features.AddRange(used.Select(d => new SegmentFeature("share_" + SnakeCase(departments[d]), departments[d] + " share", d)));

        var knownDays = customers.Select(c => facts.MedianDays[c]).Where(v => !double.IsNaN(v)).ToArray();
        var daysFill = knownDays.Length == 0 ? 0 : Median(knownDays);
        var knownPrices = customers.Select(facts.MeanItemPrice).Where(v => !double.IsNaN(v)).ToArray();
        var priceFill = knownPrices.Length == 0 ? 0 : knownPrices.Average();
        int daysFilled = 0, priceFilled = 0;
        var raw = new double[customers.Length][];
        for (var p = 0; p < customers.Length; p++)
        {
            var c = customers[p];
            var row = new double[features.Count];
            var days = facts.MedianDays[c];
            var price = facts.MeanItemPrice(c);
            daysFilled += double.IsNaN(days) ? 1 : 0;
            priceFilled += double.IsNaN(price) ? 1 : 0;
            row[0] = facts.MaxOrder[c];
            row[1] = double.IsNaN(days) ? daysFill : days;
            row[2] = (double)facts.Lines[c] / orders[p];
            row[3] = double.IsNaN(price) ? priceFill : price;
            row[4] = (double)reorders[p] / facts.Lines[c];
            for (var f = 0; f < used.Length; f++)
            {
                row[5 + f] = (double)departmentLines[(p * width) + used[f]] / facts.Lines[c];
            }

            raw[p] = row;
        }

        var (mean, sd) = Moments(raw, features.Count);
        var standard = raw.Select(row => Standardize(row, mean, sd)).ToArray();
        return new SegmentFeatures(customers, [.. features], raw, standard, mean, sd, daysFilled, daysFill, priceFilled, priceFill);
    }

    /// <summary>Population mean and standard deviation of each column.</summary>
    internal static (double[] Mean, double[] Sd) Moments(IReadOnlyList<double[]> rows, int dims)
    {
        var mean = new double[dims];
        var sd = new double[dims];
        if (rows.Count == 0)
        {
            return (mean, sd);
        }

        foreach (var row in rows)
        {
            for (var f = 0; f < dims; f++)
            {
                mean[f] += row[f];
            }
        }

        for (var f = 0; f < dims; f++)
        {
            mean[f] /= rows.Count;
        }

        foreach (var row in rows)
        {
            for (var f = 0; f < dims; f++)
            {
                var d = row[f] - mean[f];
                sd[f] += d * d;
            }
        }

        for (var f = 0; f < dims; f++)
        {
            sd[f] = Math.Sqrt(sd[f] / rows.Count);
            if (sd[f] < 1e-12)
            {
                sd[f] = 0;
            }
        }

        return (mean, sd);
    }

    /// <summary>z-scores of one row; a constant feature is 0.</summary>
    internal static float[] Standardize(double[] row, double[] mean, double[] sd)
    {
        var z = new float[row.Length];
        for (var f = 0; f < row.Length; f++)
        {
            z[f] = sd[f] == 0 ? 0f : (float)((row[f] - mean[f]) / sd[f]);
        }

        return z;
    }

    /// <summary>The median (an even count averages the two middle values); sorts in place.</summary>
    internal static double Median(double[] values)
    {
        Array.Sort(values);
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /// <summary>"dairy eggs" → "dairy_eggs".</summary>
    internal static string SnakeCase(string name)
    {
        var chars = name.Trim().ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '_').ToArray();
        var text = new string(chars);
        while (text.Contains("__", StringComparison.Ordinal))
        {
            text = text.Replace("__", "_", StringComparison.Ordinal);
        }

        return text.Trim('_');
    }
}
