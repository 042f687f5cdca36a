using System.Globalization;
using CsvHelper;

namespace Instacart.Synthetic;

/// <summary>
/// The synthetic catalogue: departments, aisles and products with their popularity, plus the quirky
/// rows of products.csv. Built once per run from the products stream of the seed.
/// </summary>
internal sealed class SyntheticCatalog
{
    /// <summary>Within a department the product of popularity rank r (0-based) has weight 1 / (r + this).</summary>
    private const double ZipfOffset = 3.0;

    private readonly Row[] _rows;

    /// <summary>Number of distinct product ids (1..Count).</summary>
    public int Count { get; }

    /// <summary>Department of each product id (index 0 unused).</summary>
    public int[] Department { get; }

    /// <summary>Draws a product id with the catalogue's popularity (department shares of the real lines).</summary>
    public AliasTable Popularity { get; }

    /// <summary>Per department (id − 1): its product ids and a table drawing an index into them with their popularity.</summary>
    public (int[] Ids, AliasTable Popularity)[] ByDepartment { get; }

    /// <summary>Aisle names by aisle id − 1.</summary>
    public string[] AisleNames { get; }

    /// <summary>Department of each aisle by aisle id − 1.</summary>
    public int[] AisleDepartment { get; }

    /// <summary>Ids whose name is empty or whitespace only.</summary>
    public IReadOnlyList<int> NamelessIds { get; }

    /// <summary>Ids whose row is repeated exactly.</summary>
    public IReadOnlyList<int> DuplicatedIds { get; }

    /// <summary>Ids that have a second row with another name.</summary>
    public IReadOnlyList<int> ConflictingIds { get; }

    /// <summary>Ids whose price is above 100.</summary>
    public IReadOnlyList<int> PriceOutlierIds { get; }

    /// <summary>Rows of products.csv, in file order.</summary>
    public int RowCount => _rows.Length;

    private readonly record struct Row(int Id, string Name, int Aisle, int Department, int PriceTenths);

    private SyntheticCatalog(int count, int[] department, AliasTable popularity, (int[], AliasTable)[] byDepartment, string[] aisleNames, int[] aisleDepartment,
        Row[] rows, int[] nameless, int[] duplicated, int[] conflicting, int[] outliers)
    {
        Count = count;
        Department = department;
        Popularity = popularity;
        ByDepartment = byDepartment;
        AisleNames = aisleNames;
        AisleDepartment = aisleDepartment;
        _rows = rows;
        NamelessIds = nameless;
        DuplicatedIds = duplicated;
        ConflictingIds = conflicting;
        PriceOutlierIds = outliers;
    }

    /// <summary>Builds the catalogue of <paramref name="count"/> products.</summary>
    public static SyntheticCatalog Build(int count, int seed, bool quirks)
    {
        var rng = Prng.For(seed, Prng.Stream.Products);
        int departments = Calibration.Departments.Length;

        // Aisles: the real number per department, ids shuffled across departments like the real file.
        int aisleCount = Calibration.DepartmentAisles.Sum();
        var aisleDepartment = new int[aisleCount];
        {
            int k = 0;
            for (int d = 0; d < departments; d++)
            {
                for (int j = 0; j < Calibration.DepartmentAisles[d]; j++)
                {
                    aisleDepartment[k++] = d + 1;
                }
            }

            rng.Shuffle(aisleDepartment.AsSpan());
        }

        var aisleNames = new string[aisleCount];
        var aislesOf = new List<int>[departments];
        for (int d = 0; d < departments; d++)
        {
            aislesOf[d] = [];
        }

        for (int a = 0; a < aisleCount; a++)
        {
            aislesOf[aisleDepartment[a] - 1].Add(a + 1);
        }

        for (int d = 0; d < departments; d++)
        {
            string dept = Calibration.Departments[d];
            var descriptors = (string[])WordLists.AisleDescriptors.Clone();
            rng.Shuffle(descriptors.AsSpan());
            for (int j = 0; j < aislesOf[d].Count; j++)
            {
                aisleNames[aislesOf[d][j] - 1] = aislesOf[d].Count == 1 ? dept : dept + " " + descriptors[j];
            }
        }

        // Products per department: the real proportions, at least one per aisle.
        int[] perDepartment = Apportion(count, Calibration.DepartmentProducts, Calibration.DepartmentAisles);
        var department = new int[count + 1];
        {
            var labels = new int[count];
            int k = 0;
            for (int d = 0; d < departments; d++)
            {
                for (int j = 0; j < perDepartment[d]; j++)
                {
                    labels[k++] = d + 1;
                }
            }

            rng.Shuffle(labels.AsSpan());
            labels.CopyTo(department, 1);
        }

        var productsOf = new List<int>[departments];
        for (int d = 0; d < departments; d++)
        {
            productsOf[d] = [];
        }

        for (int id = 1; id <= count; id++)
        {
            productsOf[department[id] - 1].Add(id);
        }

        // Aisle of each product: every aisle gets one, the rest spread with uneven aisle sizes.
        var aisle = new int[count + 1];
        for (int d = 0; d < departments; d++)
        {
            var ids = productsOf[d].ToArray();
            rng.Shuffle(ids.AsSpan());
            var aisles = aislesOf[d];
            var sizes = new int[aisles.Count];
            for (int j = 0; j < sizes.Length; j++)
            {
                sizes[j] = rng.Between(1, 6);
            }

            var pick = new CumulativeTable(sizes);
            for (int j = 0; j < ids.Length; j++)
            {
                aisle[ids[j]] = j < aisles.Count ? aisles[j] : aisles[pick.Sample(ref rng)];
            }
        }

        // Popularity: Zipf-like within a department, departments weighted by their real share of lines.
        var weight = new double[count];
        double allLines = Calibration.DepartmentLines.Sum();
        for (int d = 0; d < departments; d++)
        {
            var ids = productsOf[d].ToArray();
            rng.Shuffle(ids.AsSpan());
            double harmonic = 0;
            for (int r = 0; r < ids.Length; r++)
            {
                harmonic += 1.0 / (r + ZipfOffset);
            }

            double share = Calibration.DepartmentLines[d] / allLines;
            for (int r = 0; r < ids.Length; r++)
            {
                weight[ids[r] - 1] = share / (r + ZipfOffset) / harmonic;
            }
        }

        var popularity = new AliasTable(weight);
        var byDepartment = new (int[], AliasTable)[departments];
        for (int d = 0; d < departments; d++)
        {
            int[] ids = productsOf[d].ToArray();
            byDepartment[d] = (ids, new AliasTable(ids.Select(id => weight[id - 1]).ToArray()));
        }

        // Names and prices.
        var names = new string[count + 1];
        var prices = new int[count + 1];
        var priceTable = PriceTable();
        for (int id = 1; id <= count; id++)
        {
            names[id] = MakeName(ref rng, department[id]);
            prices[id] = 10 + priceTable.Sample(ref rng);
        }

        // Quirks, on disjoint ids.
        var nameless = new List<int>();
        var duplicated = new List<int>();
        var conflicting = new List<int>();
        var outliers = new List<int>();
        var conflictRows = new Dictionary<int, Row>();
        if (quirks)
        {
            var q = Prng.For(seed, Prng.Stream.Quirks);
            int[] byPopularity = Enumerable.Range(1, count)
                .OrderByDescending(id => weight[id - 1]).ThenBy(id => id).ToArray();
            var used = new HashSet<int>();
            int Take(int fromRank, int toRank, ref Prng r)
            {
                toRank = Math.Min(toRank, count);
                while (true)
                {
                    int id = byPopularity[r.Between(fromRank, toRank - 1)];
                    if (used.Add(id))
                    {
                        return id;
                    }
                }
            }

            int namelessCount = Math.Max(4, count / 3_000);
            nameless.Add(Take(10, 30, ref q)); // popular: its lines are dropped as "without product"
            nameless.Add(Take(30, Math.Max(60, count / 10), ref q)); // fairly popular, whitespace-only name
            while (nameless.Count < namelessCount)
            {
                nameless.Add(Take(0, count, ref q));
            }

            outliers.Add(Take(30, 60, ref q));
            outliers.Add(Take(60, Math.Max(120, count / 4), ref q));
            int duplicateCount = Math.Max(2, count / 10_000);
            while (duplicated.Count < duplicateCount)
            {
                duplicated.Add(Take(0, count, ref q));
            }

            conflicting.Add(Take(0, Math.Max(200, count / 5), ref q));
            conflicting.Add(Take(0, count, ref q));

            for (int i = 0; i < nameless.Count; i++)
            {
                names[nameless[i]] = i == 1 ? "  " : "";
            }

            prices[outliers[0]] = 999_990;                  // 99999
            prices[outliers[1]] = q.Between(101, 300) * 100; // like 14900

            foreach (int id in conflicting)
            {
                int otherDepartment = q.Between(1, departments);
                var aisles = aislesOf[otherDepartment - 1];
                string name;
                do
                {
                    name = MakeName(ref q, otherDepartment);
                }
                while (name == names[id]);
                conflictRows[id] = new Row(id, name, aisles[q.Next(aisles.Count)], otherDepartment, 10 + priceTable.Sample(ref q));
            }

            nameless.Sort();
            duplicated.Sort();
            conflicting.Sort();
            outliers.Sort();
        }

        var rows = new List<Row>(count + duplicated.Count + conflicting.Count);
        var duplicatedSet = duplicated.ToHashSet();
        for (int id = 1; id <= count; id++)
        {
            var row = new Row(id, names[id], aisle[id], department[id], prices[id]);
            rows.Add(row);
            if (duplicatedSet.Contains(id))
            {
                rows.Add(row);
            }

            if (conflictRows.TryGetValue(id, out var other))
            {
                rows.Add(other);
            }
        }

        return new SyntheticCatalog(count, department, popularity, byDepartment, aisleNames, aisleDepartment, rows.ToArray(),
            nameless.ToArray(), duplicated.ToArray(), conflicting.ToArray(), outliers.ToArray());
    }

    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/> (largest remainder), each part at least its minimum.</summary>
    internal static int[] Apportion(int total, int[] weights, int[] minimum)
    {
        long sum = 0;
        foreach (int w in weights)
        {
            sum += w;
        }

        var parts = new int[weights.Length];
        var remainders = new long[weights.Length];
        int given = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            long exact = (long)total * weights[i];
            parts[i] = (int)(exact / sum);
            remainders[i] = exact % sum;
            if (parts[i] < minimum[i])
            {
                parts[i] = minimum[i];
                remainders[i] = -1;
            }

            given += parts[i];
        }

        var order = Enumerable.Range(0, weights.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        for (int k = 0; given < total; k = (k + 1) % order.Length)
        {
            parts[order[k]]++;
            given++;
        }

        var largest = Enumerable.Range(0, weights.Length).OrderByDescending(i => parts[i]).ThenBy(i => i).ToArray();
        for (int k = 0; given > total; k = (k + 1) % largest.Length)
        {
            if (parts[largest[k]] > minimum[largest[k]])
            {
                parts[largest[k]]--;
                given--;
            }
        }

        return parts;
    }

    /// <summary>
    /// Prices in tenths from 1.0 (index 0) to 25.0: the real catalogue's shape, flat-ish to 6.9, a little lower
    /// to 14.9, then rare (about a third Low ≤ 5, two thirds Mid, 1% High &gt; 15).
    /// </summary>
    private static CumulativeTable PriceTable()
    {
        var w = new int[241];
        for (int t = 10; t <= 250; t++)
        {
            w[t - 10] = t switch
            {
                < 20 => 640,
                < 70 => 840,
                < 150 => 620,
                < 160 => 40,
                _ => 11,
            };
        }

        return new CumulativeTable(w);
    }

    private static string Pick(ref Prng rng, string[] words) => words[rng.Next(words.Length)];

    private static string MakeName(ref Prng rng, int department)
    {
        string[] nouns = WordLists.Nouns[department - 1];
        int form = rng.Next(1000);
        string brand = Pick(ref rng, WordLists.Brands);
        string adjective = Pick(ref rng, WordLists.Adjectives);
        string noun = Pick(ref rng, nouns);
        string variant = Pick(ref rng, WordLists.Variants);
        string size = Pick(ref rng, WordLists.Sizes);
        return form switch
        {
            < 450 => $"{brand} {adjective} {noun}",
            < 750 => $"{adjective} {noun}",
            < 880 => $"{brand} {adjective} {noun} ({size})",
            < 930 => $"{noun}, {variant}",
            < 950 => $"{brand} {noun}, {adjective}, {variant}",
            < 965 => $"{brand} \"{adjective}\" {noun}",
            < 975 => $"{noun}, \"{variant}\" Style",
            _ => $"{brand} {noun} {variant}",
        };
    }

    /// <summary>Formats a price given in tenths as the course file does: "5.8", and "7" for 7.0.</summary>
    internal static string FormatPrice(int tenths) =>
        tenths % 10 == 0
            ? (tenths / 10).ToString(CultureInfo.InvariantCulture)
            : (tenths / 10).ToString(CultureInfo.InvariantCulture) + "." + (tenths % 10).ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes products.csv (CRLF, RFC 4180 quoting) and returns its data rows.</summary>
    public long WriteProducts(string path)
    {
        using (var writer = CsvWriter.ToFile(path, new CsvWriterOptions { NewLine = "\r\n" }))
        {
            writer.WriteHeader(["product_id", "product_name", "aisle_id", "department_id", "prices"]);
            foreach (var row in _rows)
            {
                writer.WriteField(row.Id, default);
                writer.WriteField(row.Name);
                writer.WriteField(row.Aisle, default);
                writer.WriteField(row.Department, default);
                writer.WriteField(FormatPrice(row.PriceTenths));
                writer.EndRecord();
            }
        }

        return _rows.Length;
    }

    /// <summary>Writes aisles.csv (long form, LF like the original file) and returns its data rows.</summary>
    public long WriteAisles(string path)
    {
        using (var writer = CsvWriter.ToFile(path, new CsvWriterOptions { NewLine = "\n" }))
        {
            writer.WriteHeader(["aisle_id", "aisle"]);
            for (int a = 0; a < AisleNames.Length; a++)
            {
                writer.WriteField(a + 1, default);
                writer.WriteField(AisleNames[a]);
                writer.EndRecord();
            }
        }

        return AisleNames.Length;
    }

    /// <summary>Writes departments.csv in the course's wide layout (LF) and returns its data rows (1).</summary>
    public static long WriteDepartments(string path)
    {
        int n = Calibration.Departments.Length;
        var ids = new string[n + 1];
        var names = new string[n + 1];
        ids[0] = "department_id";
        names[0] = "department";
        for (int d = 0; d < n; d++)
        {
            ids[d + 1] = (d + 1).ToString(CultureInfo.InvariantCulture);
            names[d + 1] = Calibration.Departments[d];
        }

        using (var writer = CsvWriter.ToFile(path, new CsvWriterOptions { NewLine = "\n" }))
        {
            writer.WriteHeader(ids);
            writer.WriteRecord(names);
        }

        return 1;
    }
}
