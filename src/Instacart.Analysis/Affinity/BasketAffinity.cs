using Instacart.Analysis.Questions;
using Instacart.Analysis.Sessions;
using Instacart.Analysis.Writing;
using Instacart.Data;

namespace Instacart.Analysis.Affinity;

/// <summary>Two products bought in the same orders.</summary>
/// <param name="ProductA">The first product's id (the lower one).</param>
/// <param name="NameA">Its name.</param>
/// <param name="ProductB">The second product's id.</param>
/// <param name="NameB">Its name.</param>
/// <param name="Orders">Orders containing both.</param>
/// <param name="Support">Orders containing both / all orders.</param>
/// <param name="ConfidenceAToB">Orders with both / orders with A: P(B | A).</param>
/// <param name="ConfidenceBToA">P(A | B).</param>
/// <param name="Lift">Support / (support of A × support of B): how many times more often than if independent.</param>
public sealed record ProductPairRow([property: TableColumn] int ProductA, [property: TableColumn("Product A")] string NameA, [property: TableColumn] int ProductB, [property: TableColumn("Product B")] string NameB, [property: TableColumn("Orders with both")] long Orders, [property: TableColumn("Share of all orders")] double Support, [property: TableColumn("Share of A's orders with B")] double ConfidenceAToB, [property: TableColumn("Share of B's orders with A")] double ConfidenceBToA, double Lift);

/// <summary>Two departments bought in the same orders.</summary>
/// <param name="DepartmentA">The first department's id.</param>
/// <param name="NameA">Its name.</param>
/// <param name="DepartmentB">The second department's id.</param>
/// <param name="NameB">Its name.</param>
/// <param name="Orders">Orders containing both.</param>
/// <param name="Support">Orders containing both / all orders.</param>
/// <param name="Lift">Support over the product of the two departments' supports.</param>
public sealed record DepartmentPairRow([property: TableColumn] int DepartmentA, [property: TableColumn("Department A")] string NameA, [property: TableColumn] int DepartmentB, [property: TableColumn("Department B")] string NameB, [property: TableColumn("Orders with both")] long Orders, [property: TableColumn("Share of all orders")] double Support, double Lift);

/// <summary>
/// Which products and departments are bought together (SPEC extra <c>basket_affinity</c>): support, confidence
/// and lift of pairs in the same order among the most popular products, counted with dense arrays.
/// </summary>
public sealed class BasketAffinity : QuestionAnswer<ProductPairRow>
{
    private BasketAffinity(IReadOnlyList<ProductPairRow> rows, IReadOnlyList<DepartmentPairRow> departments, long orders, int popular, long minPairOrders, AffinityOptions options, InstacartData data)
        : base(rows, data)
    {
        DepartmentPairs = departments;
        Orders = orders;
        PopularProducts = popular;
        MinPairOrders = minPairOrders;
        AffinityOptions = options;
    }

    /// <summary>Every ordered pair of distinct departments (both directions, for a symmetric heatmap).</summary>
    public IReadOnlyList<DepartmentPairRow> DepartmentPairs { get; }

    /// <summary>Orders in the population.</summary>
    public long Orders { get; }

    /// <summary>How many popular products the pairs were counted among.</summary>
    public int PopularProducts { get; }

    /// <summary>The smallest pair count reported (from the minimum support and minimum orders).</summary>
    public long MinPairOrders { get; }

    /// <summary>The options used.</summary>
    public AffinityOptions AffinityOptions { get; }

    /// <summary>On a partitioned dataset's session, the sample the model was fitted on (see <see cref="AnalysisSession.Sample"/>); else null.</summary>
    internal string? SampleNote { get; private set; }

    /// <inheritdoc />
    public override string Key => "basket_affinity";

    /// <inheritdoc />
    public override string Question => "Which products and departments are bought together?";

    /// <summary>Counts pairs in the same order among the popular products and among departments.</summary>
    public static BasketAffinity Compute(InstacartData data, AffinityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Calculate(data, options ?? AffinityOptions.Default);
    }

    /// <summary>The session's affinity for <paramref name="options"/>, computed once: answers.json and notebook 12 of a run share it.</summary>
    public static BasketAffinity Compute(AnalysisSession session, AffinityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Result(options ?? AffinityOptions.Default, (data, o) => WithNote(Calculate(data, o), session.SampleNote));
    }

    private static BasketAffinity Calculate(InstacartData data, AffinityOptions options)
    {
        var baskets = OrderBaskets.Build(data);
        var products = data.Products;
        var productOrders = new long[products.Count];
        foreach (var p in baskets.Products)
        {
            productOrders[p]++;
        }

        var popular = Enumerable.Range(0, products.Count)
            .Where(p => productOrders[p] > 0)
            .OrderByDescending(p => productOrders[p]).ThenBy(p => products.ProductId[p])
            .Take(options.PopularProducts)
            .ToArray();
        var k = popular.Length;
        var local = new int[products.Count];
        Array.Fill(local, -1);
        for (var i = 0; i < k; i++)
        {
            local[popular[i]] = i;
        }

        var pairs = new long[k * k];
        var departments = data.Input.Departments;
        var width = departments.MaxId + 1;
        var departmentOrders = new long[width];
        var departmentPairs = new long[width * width];
        var inBasket = new List<int>(64);
        var departmentSeen = new bool[width];
        var departmentList = new List<int>(width);
        for (var o = 0; o + 1 < baskets.Start.Length; o++)
        {
            inBasket.Clear();
            departmentList.Clear();
            for (var x = baskets.Start[o]; x < baskets.Start[o + 1]; x++)
            {
                var p = baskets.Products[x];
                if (local[p] >= 0)
                {
                    inBasket.Add(local[p]);
                }

                var d = products.DepartmentId[p];
                if (!departmentSeen[d])
                {
                    departmentSeen[d] = true;
                    departmentList.Add(d);
                }
            }

            for (var a = 0; a < inBasket.Count; a++)
            {
                for (var b = a + 1; b < inBasket.Count; b++)
                {
                    var (i, j) = inBasket[a] < inBasket[b] ? (inBasket[a], inBasket[b]) : (inBasket[b], inBasket[a]);
                    pairs[(i * k) + j]++;
                }
            }

            foreach (var d in departmentList)
            {
                departmentOrders[d]++;
                departmentSeen[d] = false;
                foreach (var e in departmentList)
                {
                    if (e != d)
                    {
                        departmentPairs[(d * width) + e]++;
                    }
                }
            }
        }

        double n = baskets.Orders;
        var minOrders = Math.Max(options.MinPairOrders, (long)Math.Ceiling(options.MinSupport * n));
        var rows = new List<ProductPairRow>();
        for (var i = 0; i < k; i++)
        {
            for (var j = i + 1; j < k; j++)
            {
                var both = pairs[(i * k) + j];
                if (both < minOrders)
                {
                    continue;
                }

                var (a, b) = products.ProductId[popular[i]] < products.ProductId[popular[j]] ? (popular[i], popular[j]) : (popular[j], popular[i]);
                double ordersA = productOrders[a], ordersB = productOrders[b];
                rows.Add(new ProductPairRow(
                    products.ProductId[a], products.Name[a], products.ProductId[b], products.Name[b], both,
                    both / n, both / ordersA, both / ordersB, both * n / (ordersA * ordersB)));
            }
        }

        var top = rows.OrderByDescending(r => r.Lift).ThenByDescending(r => r.Orders).ThenBy(r => r.ProductA).ThenBy(r => r.ProductB)
            .Take(options.TopPairs).ToList();
        var departmentRows = new List<DepartmentPairRow>();
        foreach (var d in departments.Ids)
        {
            foreach (var e in departments.Ids)
            {
                if (d != e && departmentOrders[d] > 0 && departmentOrders[e] > 0)
                {
                    var both = departmentPairs[(d * width) + e];
                    departmentRows.Add(new DepartmentPairRow(d, departments[d], e, departments[e], both, both / n, both * n / ((double)departmentOrders[d] * departmentOrders[e])));
                }
            }
        }

        return new BasketAffinity(top, departmentRows, baskets.Orders, k, minOrders, options, data);
    }

    /// <summary>The department pairs as a table, for the heatmap.</summary>
    public Microsoft.Data.Analysis.DataFrame DepartmentFrame() => RowFrames.ToDataFrame(DepartmentPairs);

    /// <summary>How many rows <see cref="Table"/> and <see cref="DepartmentTable"/> show.</summary>
    private const int TableRows = 15;

    /// <inheritdoc />
    /// <remarks>The strongest pairs first (by lift, as they are kept).</remarks>
    public override AnswerTable Table() => RowFrames.ToTable(Rows.Take(TableRows), Rows.Count, "pairs", "lift");

    /// <summary>The department pairs (each once, with at least the minimum of shared orders) as a stakeholder's table, the strongest first.</summary>
    public AnswerTable DepartmentTable()
    {
        var pairs = DepartmentPairs.Where(r => r.DepartmentA < r.DepartmentB && r.Orders >= MinPairOrders)
            .OrderByDescending(r => r.Lift).ThenByDescending(r => r.Orders).ThenBy(r => r.DepartmentA).ThenBy(r => r.DepartmentB)
            .ToList();
        return RowFrames.ToTable(pairs.Take(TableRows), pairs.Count, "department pairs", "lift", inAnswers: false);
    }

    /// <inheritdoc />
    public override string Sentence()
    {
        var departments = DepartmentPairs.Where(r => r.DepartmentA < r.DepartmentB && r.Orders >= MinPairOrders).OrderByDescending(r => r.Lift).ThenByDescending(r => r.Orders).FirstOrDefault();
        var departmentText = departments is null
            ? string.Empty
            : $" Among departments, {departments.NameA} and {departments.NameB} go together most ({Wording.Times(departments.Lift, 1)} chance, in {Wording.Percent(departments.Support)} of orders).";
        if (Rows.Count == 0)
        {
            return $"No pair of the {PopularProducts} most popular products reaches the minimum of {Wording.Count(MinPairOrders)} shared orders.{departmentText}";
        }

        var best = Rows[0];
        return $"Among the {Wording.Count(PopularProducts)} most popular products, {best.NameA} and {best.NameB} are the strongest pair: bought together in {Wording.Count(best.Orders)} orders, "
            + $"{Wording.Times(best.Lift, 1)} as often as chance, and {Wording.Percent(Math.Max(best.ConfidenceAToB, best.ConfidenceBToA))} of the orders with the rarer one contain the other.{departmentText}";
    }

    /// <summary>The rule: the three product pairs with the highest lift (bought together more often than chance, with at least the minimum of shared orders) become bundles and "often bought together" placements.</summary>
    public override Suggestion Suggestion()
    {
        if (Rows.Count == 0)
        {
            return "No suggestion: no pair of popular products is bought together often enough.";
        }

        var pairs = Rows.Take(3).Select(r => $"\"{r.NameA}\" with \"{r.NameB}\"");
        return $"Offer bundles or \"often bought together\" placements for {Wording.List(pairs)} "
            + $"(rule: the three pairs bought together most often relative to chance, each in at least {Wording.Count(MinPairOrders)} orders).";
    }

    /// <inheritdoc />
    public override string Method() =>
        $"Population: {Population.LinesDescription}; a basket is one order's distinct products. Support = orders with both / all {Wording.Count(Orders)} orders; "
        + "confidence A→B = orders with both / orders with A; lift = support / (support A × support B), 1 meaning independent. "
        + $"Pairs are counted among the {Wording.Count(PopularProducts)} most-ordered products and reported when bought together in at least {Wording.Count(MinPairOrders)} orders "
        + $"(minimum support {AffinityOptions.MinSupport:0.####}, at least {AffinityOptions.MinPairOrders} orders); the top {AffinityOptions.TopPairs} by lift are listed."
        + SampleNote;

    private static BasketAffinity WithNote(BasketAffinity answer, string? note)
    {
        answer.SampleNote = note;
        return answer;
    }
}
