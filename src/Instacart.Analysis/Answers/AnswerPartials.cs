using System.Text;
using System.Text.Json.Nodes;
using Instacart.Analysis.Questions;
using Instacart.Data;
using Instacart.Data.Cleaning;
using Instacart.Data.Derivation;
using Instacart.Data.Input;

namespace Instacart.Analysis.Answers;

/// <summary>
/// The exact partial state of the cheap answers (the eleven core questions and the stakeholder extras) over one part
/// of the customers, with everything their finish needs: counts and exact revenue sums in price units, per-cell and
/// per-group tallies, days between orders as histograms, sets of products with lines, the options, the department
/// names and the reconciliation counts. Every fact the answers need is local to one customer, so the partials of the
/// parts of any split by customer <see cref="Merge(AnswerPartials, AnswerPartials)"/> into the partial of the whole,
/// and <see cref="Finish"/> gives the same <c>answers.json</c> as the whole data. One part (the whole load) is how
/// <see cref="AnswersDocument"/> computes the cheap answers, so every rule has one implementation.
/// </summary>
public sealed class AnswerPartials
{
    /// <summary>The first bytes of <see cref="ToBytes"/>: "IAP" and the format version.</summary>
    private static readonly byte[] Magic = [(byte)'I', (byte)'A', (byte)'P', 2];

    /// <summary>The most department ids the bytes may hold (a grouping by department keeps a cell per id).</summary>
    internal const int MaxDepartments = 1 << 24;

    private AnswerPartials(
        AnalysisOptions options,
        NamedIds departmentNames,
        Reconciliation reconciliation,
        GroupStats days,
        GroupStats hours,
        GroupStats segments,
        PriceRangesPartial priceRanges,
        GroupStats departments,
        GroupStats loyalty,
        RegionsPartial regions,
        GroupStats ageFamily,
        GroupStats income,
        GroupStats profiles,
        GroupStats spenderFrequency,
        DepartmentMixPartial departmentMix,
        GroupStats babyHouseholds)
    {
        Options = options;
        DepartmentNames = departmentNames;
        Reconciliation = reconciliation;
        Days = days;
        Hours = hours;
        Segments = segments;
        PriceRanges = priceRanges;
        Departments = departments;
        Loyalty = loyalty;
        Regions = regions;
        AgeFamily = ageFamily;
        Income = income;
        Profiles = profiles;
        SpenderFrequency = spenderFrequency;
        DepartmentMix = departmentMix;
        BabyHouseholds = babyHouseholds;
    }

    /// <summary>The options every part was loaded with.</summary>
    internal AnalysisOptions Options { get; }

    private NamedIds DepartmentNames { get; }

    /// <summary>The reconciliation counts, added over the parts (product counts are every part's).</summary>
    internal Reconciliation Reconciliation { get; }

    private GroupStats Days { get; }

    /// <summary>Per hour: what busiest hours, spend by hour and hour quadrants share.</summary>
    private GroupStats Hours { get; }

    private GroupStats Segments { get; }

    private PriceRangesPartial PriceRanges { get; }

    private GroupStats Departments { get; }

    private GroupStats Loyalty { get; }

    private RegionsPartial Regions { get; }

    private GroupStats AgeFamily { get; }

    private GroupStats Income { get; }

    private GroupStats Profiles { get; }

    private GroupStats SpenderFrequency { get; }

    private DepartmentMixPartial DepartmentMix { get; }

    private GroupStats BabyHouseholds { get; }

    /// <summary>
    /// The exact partial state of <paramref name="part"/>: one part of the customers (with all their orders and lines),
    /// or the whole data. Everything is computed now: the state holds no reference to the data.
    /// </summary>
    public static AnswerPartials Compute(InstacartData part) => Compute(part, deferIntervals: false);

    /// <summary>
    /// The partial state of <paramref name="part"/>; with <paramref name="deferIntervals"/> the moments of the regions'
    /// intervals (a pass over the lines that only a sentence needs) wait for their first use and read the data then.
    /// </summary>
    internal static AnswerPartials Compute(InstacartData part, bool deferIntervals)
    {
        ArgumentNullException.ThrowIfNull(part);
        var regions = RegionGroups.Partial(part);
        if (!deferIntervals)
        {
            _ = regions.Moments.Value;
        }

        var hours = BusiestHours.Partial(part);
        return new AnswerPartials(
            part.Options,
            part.Input.Departments,
            part.Reconciliation,
            BusiestDays.Partial(part),
            hours,
            TimeSegments.Partial(part),
            Questions.PriceRanges.Partial(part),
            Questions.Departments.Partial(part),
            LoyaltyGroups.Partial(part),
            regions,
            Questions.AgeFamily.Partial(part),
            IncomeGroups.Partial(part),
            Questions.Profiles.Partial(part),
            Questions.SpenderFrequency.Partial(part),
            Questions.DepartmentMix.Partial(part),
            Questions.BabyHouseholds.Partial(part));
    }

    /// <summary>
    /// The state of both parts together: counts and sums added, histograms and product sets joined. Exact, associative
    /// and commutative. The two must come from one dataset's parts: the same options, departments and products
    /// (whose counts are checked equal, not added).
    /// </summary>
    /// <exception cref="InvalidDataException">The two are not parts of one dataset.</exception>
    public static AnswerPartials Merge(AnswerPartials first, AnswerPartials second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Options != second.Options)
        {
            throw new InvalidDataException("The partial answers were computed with different options and cannot be merged.");
        }

        if (!first.DepartmentNames.Ids.SequenceEqual(second.DepartmentNames.Ids) || first.DepartmentNames.Ids.Any(d => first.DepartmentNames[d] != second.DepartmentNames[d]))
        {
            throw new InvalidDataException("The partial answers name different departments and cannot be merged.");
        }

        return new AnswerPartials(
            first.Options,
            first.DepartmentNames,
            MergeReconciliation(first.Reconciliation, second.Reconciliation),
            GroupStats.Sum(first.Days, second.Days),
            GroupStats.Sum(first.Hours, second.Hours),
            GroupStats.Sum(first.Segments, second.Segments),
            PriceRangesPartial.Sum(first.PriceRanges, second.PriceRanges),
            GroupStats.Sum(first.Departments, second.Departments),
            GroupStats.Sum(first.Loyalty, second.Loyalty),
            RegionsPartial.Sum(first.Regions, second.Regions),
            GroupStats.Sum(first.AgeFamily, second.AgeFamily),
            GroupStats.Sum(first.Income, second.Income),
            GroupStats.Sum(first.Profiles, second.Profiles),
            GroupStats.Sum(first.SpenderFrequency, second.SpenderFrequency),
            DepartmentMixPartial.Sum(first.DepartmentMix, second.DepartmentMix),
            GroupStats.Sum(first.BabyHouseholds, second.BabyHouseholds));
    }

    /// <summary>The state of all <paramref name="parts"/> together (at least one), in any order.</summary>
    /// <exception cref="ArgumentException">There is no part.</exception>
    /// <exception cref="InvalidDataException">They are not parts of one dataset.</exception>
    public static AnswerPartials Merge(IEnumerable<AnswerPartials> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        AnswerPartials? merged = null;
        foreach (var part in parts)
        {
            merged = merged is null ? part : Merge(merged, part);
        }

        return merged ?? throw new ArgumentException("At least one partial is needed.", nameof(parts));
    }

    /// <summary>
    /// The state as compact, versioned bytes (a format tag, then variable-length counts and exact sums): what a
    /// cluster's part sends back. <see cref="FromBytes"/> reads them.
    /// </summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            OptionsBytes.Write(writer, Options);
            writer.Write7BitEncodedInt(DepartmentNames.Ids.Count);
            foreach (var id in DepartmentNames.Ids)
            {
                writer.Write7BitEncodedInt(id);
                writer.Write(DepartmentNames[id]);
            }

            foreach (var (_, value) in Reconciliation.Entries)
            {
                writer.Write7BitEncodedInt64(value);
            }

            Days.Write(writer);
            Hours.Write(writer);
            Segments.Write(writer);
            PriceRanges.Write(writer);
            Departments.Write(writer);
            Loyalty.Write(writer);
            Regions.Write(writer);
            AgeFamily.Write(writer);
            Income.Write(writer);
            Profiles.Write(writer);
            SpenderFrequency.Write(writer);
            DepartmentMix.Write(writer);
            BabyHouseholds.Write(writer);
        }

        return stream.ToArray();
    }

    /// <summary>Reads the bytes of <see cref="ToBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a whole partial state of this format (truncated, foreign or of another version).</exception>
    public static AnswerPartials FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Magic.Length || !bytes[..Magic.Length].SequenceEqual(Magic))
        {
            throw new InvalidDataException("These bytes are not partial answers of this format.");
        }

        try
        {
            using var stream = new MemoryStream(bytes[Magic.Length..].ToArray(), writable: false);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            var options = OptionsBytes.Read(reader);
            var departmentRows = new (int, string)[PartialFormat.Count(reader, 1 << 20)];
            for (var i = 0; i < departmentRows.Length; i++)
            {
                departmentRows[i] = (ReadId(reader), reader.ReadString());
            }

            var counts = new long[16];
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] = PartialFormat.NonNegative(reader);
            }

            var partials = new AnswerPartials(
                options,
                new NamedIds(InputFiles.Departments, departmentRows),
                new Reconciliation(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7], counts[8], counts[9], counts[10], counts[11], counts[12], counts[13], counts[14], counts[15]),
                GroupStats.Read(reader),
                GroupStats.Read(reader),
                GroupStats.Read(reader),
                PriceRangesPartial.Read(reader),
                GroupStats.Read(reader),
                GroupStats.Read(reader),
                RegionsPartial.Read(reader),
                GroupStats.Read(reader),
                GroupStats.Read(reader),
                GroupStats.Read(reader),
                GroupStats.Read(reader),
                DepartmentMixPartial.Read(reader),
                GroupStats.Read(reader));
            return stream.Position == stream.Length ? partials : throw new InvalidDataException("The partial answers are followed by stray bytes.");
        }
        catch (Exception e) when (e is EndOfStreamException or NotSupportedException or FormatException or ArgumentException or OverflowException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"The partial answers are truncated or damaged: {e.Message}", e);
        }
    }

    /// <summary>The finish: the cheap answers (the eleven core questions, then the stakeholder extras), in notebook order.</summary>
    public IReadOnlyList<IQuestionAnswer> Answers() =>
    [
        BusiestDays.Finish(Options, Days),
        BusiestHours.Finish(Options, Hours),
        SpendByHour.Finish(Options, Hours),
        Questions.PriceRanges.Finish(Options, PriceRanges),
        Questions.Departments.Finish(Options, DepartmentNames, Departments),
        TimeSegments.Finish(Options, Segments),
        LoyaltyGroups.Finish(Options, Loyalty),
        RegionGroups.Finish(Options, Regions),
        Questions.AgeFamily.Finish(Options, AgeFamily),
        IncomeGroups.Finish(Options, DepartmentNames, Income),
        Questions.Profiles.Finish(Options, DepartmentNames, Profiles),
        HourQuadrants.Finish(Options, Hours),
        Questions.SpenderFrequency.Finish(Options, SpenderFrequency),
        Questions.DepartmentMix.Finish(Options, DepartmentNames, DepartmentMix),
        Questions.BabyHouseholds.Finish(Options, BabyHouseholds),
    ];

    /// <summary>The cheap <c>answers.json</c> document (what <c>instacart answers</c> writes), from this state alone.</summary>
    public JsonObject Finish() => AnswersDocument.Build(Options, Reconciliation, Answers());

    /// <summary>A department id: no larger than a department grouping's width can be (see <see cref="GroupStats"/>).</summary>
    private static int ReadId(BinaryReader reader)
    {
        var id = reader.Read7BitEncodedInt();
        return id < 0 || id >= MaxDepartments ? throw new InvalidDataException($"A department id ({id}) is out of range.") : id;
    }

    /// <summary>Per-customer, per-order and per-line counts add up; product counts are the same in every part and are checked, not added.</summary>
    private static Reconciliation MergeReconciliation(Reconciliation a, Reconciliation b)
    {
        if (a.ProductsRows != b.ProductsRows || a.ProductsNameless != b.ProductsNameless || a.ProductsDuplicateRows != b.ProductsDuplicateRows
            || a.ProductsConflictingIds != b.ProductsConflictingIds || a.ProductsKept != b.ProductsKept || a.PriceOutliers != b.PriceOutliers)
        {
            throw new InvalidDataException("The partial answers come from different product catalogs and cannot be merged.");
        }

        return a with
        {
            OrdersRows = a.OrdersRows + b.OrdersRows,
            PriorOrders = a.PriorOrders + b.PriorOrders,
            OrderLinesRows = a.OrderLinesRows + b.OrderLinesRows,
            CustomersRows = a.CustomersRows + b.CustomersRows,
            LinesJoinedOrders = a.LinesJoinedOrders + b.LinesJoinedOrders,
            LinesWithoutProduct = a.LinesWithoutProduct + b.LinesWithoutProduct,
            LinesWithoutCustomer = a.LinesWithoutCustomer + b.LinesWithoutCustomer,
            LinesMerged = a.LinesMerged + b.LinesMerged,
            CustomersActive = a.CustomersActive + b.CustomersActive,
            LinesActive = a.LinesActive + b.LinesActive,
        };
    }
}
