using System.Globalization;
using System.Text.Json.Nodes;
using Instacart.Analysis.Questions;
using Instacart.Analysis.Sessions;
using Instacart.Analysis.Writing;
using Instacart.Data;
using Microsoft.Data.Analysis;
using Microsoft.ML.Data;
using Microsoft.ML;

namespace Instacart.Analysis.Segments;

/// <summary>One cluster's profile: size, the mean of every raw feature and a name computed from them.</summary>
/// <param name="Cluster">The cluster number, 1 the largest.</param>
/// <param name="Name">The name in words, from the features furthest from the population (see <see cref="SegmentNaming"/>).</param>
/// <param name="Customers">Customers in the cluster.</param>
/// <param name="Share">Customers / all clustered customers.</param>
/// <param name="MaxOrder">Mean number of prior orders (max_order).</param>
/// <param name="MedianDays">Mean of the customers' median days between orders (missing filled with the population median).</param>
/// <param name="BasketSize">Mean basket size (merged lines / orders with lines).</param>
/// <param name="MeanItemPrice">Mean of the customers' mean known item price (missing filled with the population mean).</param>
/// <param name="ReorderRate">Mean of the customers' reorder rates.</param>
/// <param name="TopDepartment">The department with the largest mean share of the cluster's customers' lines.</param>
/// <param name="DefiningFeatures">The features furthest from the population, with their standardized deviation.</param>
/// <param name="DepartmentShares">Mean share of each department (by department name), in department id order.</param>
public sealed record ClusterRow(
    int Cluster,
    string Name,
    long Customers,
    [property: TableColumn("Share of customers")] double Share,
    [property: TableColumn("Orders (mean)")] double MaxOrder,
    [property: TableColumn("Days between orders")] double MedianDays,
    [property: TableColumn("Basket size (lines)")] double BasketSize,
    double MeanItemPrice,
    double ReorderRate,
    string TopDepartment,
    [property: TableColumn] string DefiningFeatures,
    IReadOnlyList<KeyValuePair<string, double>> DepartmentShares);

/// <summary>One customer on the first two principal components.</summary>
/// <param name="UserId">The customer's user_id.</param>
/// <param name="Pc1">First principal component of the standardized features.</param>
/// <param name="Pc2">Second principal component.</param>
/// <param name="Cluster">The customer's cluster number (1 the largest).</param>
public sealed record ProjectionPoint(int UserId, double Pc1, double Pc2, int Cluster);

/// <summary>
/// Customer clusters (SPEC extra <c>customer_segments</c>): seeded ML.NET k-means on standardized per-customer
/// features of active customers, k chosen among 2..8 by the mean silhouette, each cluster profiled and named.
/// </summary>
public sealed class CustomerSegments : IQuestionAnswer
{
    private CustomerSegments(
        SegmentOptions options,
        IReadOnlyList<SegmentFeature> features,
        KMeansSelection selection,
        IReadOnlyList<ClusterRow> clusters,
        IReadOnlyList<ProjectionPoint> projection,
        double[] explained,
        int customers,
        (int Filled, double Value) days,
        (int Filled, double Value) price)
    {
        Options = options;
        Features = features;
        Criteria = selection.Criteria;
        ChosenK = selection.ChosenK;
        SilhouetteSample = selection.SilhouetteSample;
        FitSample = selection.FitSample;
        Clusters = clusters;
        Projection = projection;
        ExplainedVariance = explained;
        CustomerCount = customers;
        DaysFilled = days;
        PriceFilled = price;
    }

    /// <summary>The key in <c>answers.json</c>.</summary>
    public string Key => "customer_segments";

    /// <summary>The stakeholder's question.</summary>
    public string Question => "Which kinds of customers are there?";

    /// <summary>The options used.</summary>
    public SegmentOptions Options { get; }

    /// <summary>The clustering features, in column order.</summary>
    public IReadOnlyList<SegmentFeature> Features { get; }

    /// <summary>The silhouette and within-cluster distance of every k tried.</summary>
    public IReadOnlyList<CriterionRow> Criteria { get; }

    /// <summary>The chosen number of clusters (highest mean silhouette).</summary>
    public int ChosenK { get; }

    /// <summary>How many customers the silhouette was computed on.</summary>
    public int SilhouetteSample { get; }

    /// <summary>How many customers the k-means centres and the PCA were fitted on (a seeded sample; every customer is then assigned and projected).</summary>
    public int FitSample { get; }

    /// <summary>The cluster profiles, largest first.</summary>
    public IReadOnlyList<ClusterRow> Clusters { get; }

    /// <summary>Every clustered customer on the first two principal components (use <see cref="ChartSample"/> for a chart).</summary>
    public IReadOnlyList<ProjectionPoint> Projection { get; }

    /// <summary>The share of the standardized features' total variance on PC1 and PC2.</summary>
    public IReadOnlyList<double> ExplainedVariance { get; }


    /// <summary>On a partitioned dataset's session, the sample the model was fitted on (see <see cref="AnalysisSession.Sample"/>); else null.</summary>
    internal string? SampleNote { get; private set; }

    /// <summary>Customers clustered: active customers with merged lines.</summary>
    public int CustomerCount { get; }

    /// <summary>Customers without a median days between orders, and the population median they were given.</summary>
    public (int Filled, double Value) DaysFilled { get; }

    /// <summary>Customers without a known item price, and the population mean they were given.</summary>
    public (int Filled, double Value) PriceFilled { get; }

    /// <summary>Builds the features, clusters them for every k, picks k, projects and profiles.</summary>
    public static CustomerSegments Compute(InstacartData data, SegmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Calculate(data, options ?? SegmentOptions.Default);
    }

    /// <summary>The session's segments for <paramref name="options"/>, computed once: answers.json and notebook 13 of a run share them.</summary>
    public static CustomerSegments Compute(AnalysisSession session, SegmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Result(options ?? SegmentOptions.Default, (data, o) => WithNote(Calculate(data, o), session.SampleNote));
    }

    /// <summary>The computation behind <see cref="Compute(InstacartData, SegmentOptions?)"/>.</summary>
    internal static CustomerSegments Calculate(InstacartData data, SegmentOptions options)
    {
        var built = SegmentFeatures.Build(data);
        var selection = KMeansSelection.Run(built.Standard, options);
        var (pc1, pc2, explained) = Project(built.Standard, options.Seed, options.FitSample);
        var k = selection.ChosenK;
        var labels = selection.Labels;
        var dims = built.Features.Length;
        var deviations = new double[k][];
        var rawMeans = new double[k][];
        var sizes = new int[k];
        for (var c = 0; c < k; c++)
        {
            deviations[c] = new double[dims];
            rawMeans[c] = new double[dims];
        }

        for (var i = 0; i < labels.Length; i++)
        {
            var c = labels[i];
            sizes[c]++;
            for (var f = 0; f < dims; f++)
            {
                deviations[c][f] += built.Standard[i][f];
                rawMeans[c][f] += built.Raw[i][f];
            }
        }

        for (var c = 0; c < k; c++)
        {
            for (var f = 0; f < dims; f++)
            {
                deviations[c][f] /= sizes[c];
                rawMeans[c][f] /= sizes[c];
            }
        }

        var names = SegmentNaming.Name(built.Features, deviations, options.NamingThreshold);
        var departmentColumns = Enumerable.Range(0, dims).Where(f => built.Features[f].DepartmentId >= 0).ToArray();
        var clusters = new List<ClusterRow>();
        for (var c = 0; c < k; c++)
        {
            var means = rawMeans[c];
            var shares = departmentColumns.Select(f => KeyValuePair.Create(Department(built.Features[f]), means[f])).ToList();
            var top = departmentColumns.Length == 0 ? string.Empty
                : Department(built.Features[departmentColumns.OrderByDescending(f => means[f]).ThenBy(f => f).First()]);
            var defining = string.Join("; ", SegmentNaming.Ranked(deviations[c], 0).Take(3).Select(f =>
                $"{built.Features[f].Label} {deviations[c][f].ToString("+0.00;-0.00", CultureInfo.InvariantCulture)} sd"));
            clusters.Add(new ClusterRow(c + 1, names[c], sizes[c], (double)sizes[c] / labels.Length, means[0], means[1], means[2], means[3], means[4], top, defining, shares));
        }

        var userIds = data.Input.Customers.UserId;
        var projection = new ProjectionPoint[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            projection[i] = new ProjectionPoint(userIds[built.Customers[i]], pc1[i], pc2[i], labels[i] + 1);
        }

        return new CustomerSegments(options, built.Features, selection, clusters, projection, explained, labels.Length, (built.DaysFilled, built.DaysFill), (built.PriceFilled, built.PriceFill));
    }

    /// <summary>
    /// The first two principal components of standardized points with ML.NET's (randomized, seeded) PCA, fitted on a
    /// seeded sample of at most <paramref name="fitSample"/> points (the k-means fitting sample) and applied to every
    /// point, and the share of the total variance of all the points each carries. Fewer than two features or three
    /// points give zeros.
    /// </summary>
    public static (double[] Pc1, double[] Pc2, double[] Explained) Project(IReadOnlyList<float[]> points, int seed, int fitSample = int.MaxValue)
    {
        var n = points.Count;
        var pc1 = new double[n];
        var pc2 = new double[n];
        var dims = n == 0 ? 0 : points[0].Length;
        if (dims < 2 || n < 3)
        {
            return (pc1, pc2, [0, 0]);
        }

        var ml = new MLContext(seed);
        var view = KMeansSelection.ToDataView(ml, points);
        var fitRows = Silhouette.SampleRows(n, Math.Max(3, fitSample), KMeansSelection.FitSeed(seed));
        var fitView = fitRows.Length == n ? view : KMeansSelection.ToDataView(ml, Array.ConvertAll(fitRows, r => points[r]));
        var pca = ml.Transforms.ProjectToPrincipalComponents("Pca", "Features", rank: 2, overSampling: Math.Max(0, Math.Min(20, dims - 2)), ensureZeroMean: true, seed: seed);
        var projected = pca.Fit(fitView).Transform(view).GetColumn<float[]>("Pca").ToArray();
        double total = 0;
        var mean = new double[dims];
        foreach (var p in points)
        {
            for (var f = 0; f < dims; f++)
            {
                mean[f] += p[f];
            }
        }

        for (var f = 0; f < dims; f++)
        {
            mean[f] /= n;
        }

        foreach (var p in points)
        {
            for (var f = 0; f < dims; f++)
            {
                total += (p[f] - mean[f]) * (p[f] - mean[f]);
            }
        }

        for (var i = 0; i < n; i++)
        {
            pc1[i] = projected[i][0];
            pc2[i] = projected[i][1];
        }

        double Variance(double[] values)
        {
            var m = values.Average();
            return values.Sum(v => (v - m) * (v - m));
        }

        return (pc1, pc2, total == 0 ? [0, 0] : [Variance(pc1) / total, Variance(pc2) / total]);
    }

    /// <summary>A seeded sample of at most <paramref name="max"/> projected customers (default: the options' chart cap), for a scatter chart.</summary>
    public IReadOnlyList<ProjectionPoint> ChartSample(int? max = null) =>
        Silhouette.SampleRows(Projection.Count, max ?? Options.ChartPoints, Options.Seed).Select(i => Projection[i]).ToList();

    /// <summary>The answer in one or two sentences, in plain words (the choice of k and its criterion are in <see cref="Method"/>).</summary>
    public string Sentence()
    {
        if (Clusters.Count < 2)
        {
            return $"Too few active customers ({Wording.Count(CustomerCount)}) to tell groups apart; they are reported as one group.";
        }

        var parts = Clusters.Select(c => $"{c.Name} ({Wording.Percent(c.Share)})");
        var largest = Clusters[0];
        return $"The {Wording.Count(CustomerCount)} active customers fall into {ChosenK} groups with distinct shopping habits: {Wording.List(parts)}. "
            + $"Each group is named after the habits that set it apart most; the largest, {largest.Name}, buys most in {largest.TopDepartment}.";
    }

    /// <summary>
    /// The rule: the largest group gets the main campaign's message; each other group whose name is not
    /// "Typical shoppers" gets a message built on the habit it is named after.
    /// </summary>
    public Suggestion Suggestion()
    {
        if (Clusters.Count < 2)
        {
            return "No suggestion: the customers could not be split into groups.";
        }

        var distinct = Clusters.Skip(1).Where(c => !c.Name.StartsWith("Typical shoppers", StringComparison.Ordinal)).Take(2).ToList();
        var others = distinct.Count == 0
            ? string.Empty
            : $", and give {Wording.List(distinct.Select(c => $"{c.Name} ({Wording.Percent(c.Share)})"))} offers built on the habit each is named after";
        return $"Write the main campaign for {Clusters[0].Name} ({Wording.Percent(Clusters[0].Share)} of active customers){others} "
            + "(rule: the largest group gets the main message; the next groups with a distinctive habit get their own).";
    }

    /// <summary>The population, features, algorithm and choice of k.</summary>
    public string Method()
    {
        var departments = Features.Count(f => f.DepartmentId >= 0);
        return $"Population: active customers with merged lines ({Wording.Count(CustomerCount)}; highest prior order number at least the active cut). "
            + $"Features per customer: number of prior orders (max_order), median days between orders, mean basket size (lines / orders), mean known item price, reorder rate, "
            + $"and the share of their lines in each of {departments} departments. "
            + $"{Wording.Count(DaysFilled.Filled)} customers without a median days between orders get the population median ({Wording.Number(DaysFilled.Value)}); "
            + $"{Wording.Count(PriceFilled.Filled)} without a known price get the population mean ({Wording.Money(PriceFilled.Value)}). "
            + "Every feature is standardized to z-scores. ML.NET k-means (k-means++ initialisation, single-threaded, "
            + $"seed {Options.Seed}; {Options.Restarts} seeded runs per k, the one with the smallest within-cluster distance kept) for k = {Options.MinK}–{Options.MaxK}, "
            + (FitSample < CustomerCount
                ? $"fitted on a seeded random sample of {Wording.Count(FitSample)} of the {Wording.Count(CustomerCount)} customers; every customer is then assigned to the nearest centre, "
                : $"fitted on all {Wording.Count(CustomerCount)} customers, ")
            + "and the clusters' sizes and profiles are of all the customers assigned. "
            + "k is the one with the highest mean silhouette (for each customer, how much closer they are to their own cluster than to the next one, "
            + $"from −1 to 1; near 0 the clusters overlap, and here the best is {BestSilhouette().ToString("0.00", CultureInfo.InvariantCulture)} at k = {ChosenK}, among k = {Options.MinK}–{Options.MaxK}), "
            + (SilhouetteSample < CustomerCount
                ? $"computed on a seeded random sample of {Wording.Count(SilhouetteSample)} customers, distances taken within the sample (a sampled silhouette is the standard practice at this size: the exact one costs a distance for every pair of customers). "
                : $"computed on all {Wording.Count(CustomerCount)} customers. ")
            + "The within-cluster distance (mean squared distance of every customer to the nearest fitted centre) is shown for an elbow chart. Clusters are numbered by size. "
            + $"PCA (ML.NET, seeded{(FitSample < CustomerCount ? ", fitted on the same sample and applied to every customer" : string.Empty)}) projects the standardized features to two components carrying {Wording.Percent(ExplainedVariance[0])} and {Wording.Percent(ExplainedVariance[1])} of the variance. "
            + $"A cluster's name comes from the one or two features whose cluster mean is furthest from the population mean in standard deviations (sd; at least {Options.NamingThreshold:0.##})."
            + SampleNote;
    }

    private static CustomerSegments WithNote(CustomerSegments answer, string? note)
    {
        answer.SampleNote = note;
        return answer;
    }

    private double BestSilhouette() => Criteria.FirstOrDefault(c => c.K == ChosenK)?.Silhouette ?? double.NaN;

    /// <summary>The cluster profiles as a table: fixed columns, then one <c>share_&lt;department&gt;</c> column per department.</summary>
    public DataFrame ToDataFrame()
    {
        var frame = RowFrames.ToDataFrame(Clusters.Select(c => c with { DepartmentShares = [] }).ToList());
        frame.Columns.Remove("department_shares");
        if (Clusters.Count > 0)
        {
            foreach (var (name, _) in Clusters[0].DepartmentShares)
            {
                frame.Columns.Add(new DoubleDataFrameColumn("share_" + SegmentFeatures.SnakeCase(name), Clusters.Select(c => (double?)c.DepartmentShares.Single(s => s.Key == name).Value)));
            }
        }

        return frame;
    }

    /// <inheritdoc />
    /// <remarks>One row per cluster, the largest first; the department shares are in <see cref="ToDataFrame"/>.</remarks>
    public AnswerTable Table() => RowFrames.ToTable(Clusters, Clusters.Count, "segments");

    /// <summary>The criterion of every k as a stakeholder's table.</summary>
    public AnswerTable CriteriaTable() => RowFrames.ToTable(Criteria, Criteria.Count, "numbers of clusters tried");

    /// <summary>The criterion of every k as a table, for the silhouette and elbow charts.</summary>
    public DataFrame CriteriaFrame() => RowFrames.ToDataFrame(Criteria);

    /// <summary>The projection as a table (user_id, pc1, pc2, cluster); <paramref name="max"/> caps it with a seeded sample.</summary>
    public DataFrame ProjectionFrame(int? max = null) => RowFrames.ToDataFrame(max is null ? Projection : ChartSample(max));

    /// <inheritdoc />
    JsonNode IQuestionAnswer.ToJson() => ToJson();

    /// <summary>The <c>customer_segments</c> object of <c>answers.json</c>: k, criterion, criteria and cluster rows (snake_case).</summary>
    public JsonObject ToJson()
    {
        var criteria = new JsonArray();
        foreach (var c in Criteria)
        {
            criteria.Add(new JsonObject { ["k"] = c.K, ["silhouette"] = c.Silhouette, ["within_distance"] = c.WithinDistance });
        }

        var clusters = new JsonArray();
        foreach (var c in Clusters)
        {
            var row = new JsonObject
            {
                ["cluster"] = c.Cluster,
                ["name"] = c.Name,
                ["customers"] = c.Customers,
                ["share"] = c.Share,
                ["max_order"] = c.MaxOrder,
                ["median_days"] = c.MedianDays,
                ["basket_size"] = c.BasketSize,
                ["mean_item_price"] = c.MeanItemPrice,
                ["reorder_rate"] = c.ReorderRate,
                ["top_department"] = c.TopDepartment,
                ["defining_features"] = c.DefiningFeatures,
            };
            foreach (var (name, share) in c.DepartmentShares)
            {
                row["share_" + SegmentFeatures.SnakeCase(name)] = share;
            }

            clusters.Add(row);
        }

        return new JsonObject
        {
            ["k"] = ChosenK,
            ["criterion"] = "silhouette",
            ["customers"] = CustomerCount,
            ["silhouette_sample"] = SilhouetteSample,
            ["fit_sample"] = FitSample,
            ["criteria"] = criteria,
            ["clusters"] = clusters,
        };
    }

    /// <summary>The sentence, so that a notebook cell ending in the answer shows it.</summary>
    public override string ToString() => Sentence();

    private static string Department(SegmentFeature feature) => feature.Label[..^" share".Length];
}
