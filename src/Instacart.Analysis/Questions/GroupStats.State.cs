using Instacart.Analysis.Answers;
using Instacart.Data.Cleaning;

namespace Instacart.Analysis.Questions;

/// <summary>
/// The totals as a mergeable state: the totals of two sets of customers (each customer with all its orders in one
/// set) add up to the totals of their union, exactly, in any order; medians merge as day histograms.
/// </summary>
internal sealed partial class GroupStats
{
    /// <summary>The totals of both (neither is changed). Throws when the two do not group alike.</summary>
    public static GroupStats Sum(GroupStats a, GroupStats b)
    {
        if (a.Count != b.Count || a.DepartmentLines.GetLength(1) != b.DepartmentLines.GetLength(1) || a.PriceScale != b.PriceScale || (a.Days is null) != (b.Days is null))
        {
            throw new InvalidDataException("The partial answers group differently and cannot be merged.");
        }

        var departments = a.DepartmentLines.GetLength(1);
        var sum = new GroupStats(a.Count, departments, a.PriceScale, a.Days is not null);
        for (var g = 0; g < a.Count; g++)
        {
            sum.Lines[g] = a.Lines[g] + b.Lines[g];
            sum.KnownPriceLines[g] = a.KnownPriceLines[g] + b.KnownPriceLines[g];
            sum.Reordered[g] = a.Reordered[g] + b.Reordered[g];
            sum.RevenueUnits[g] = a.RevenueUnits[g] + b.RevenueUnits[g];
            // Distinct orders not asked of a product grouping stay -1.
            sum.Orders[g] = a.Orders[g] < 0 || b.Orders[g] < 0 ? -1 : a.Orders[g] + b.Orders[g];
            sum.Customers[g] = a.Customers[g] + b.Customers[g];
            for (var d = 0; d < departments; d++)
            {
                sum.DepartmentLines[g, d] = a.DepartmentLines[g, d] + b.DepartmentLines[g, d];
            }

            if (sum.Days is not null)
            {
                sum.SetDays(g, DayHistogram.Sum(a.Days![g], b.Days![g]));
            }
        }

        return sum.Finish();
    }

    /// <summary>Writes the state (<see cref="Read"/> reads it).</summary>
    public void Write(BinaryWriter writer)
    {
        var departments = DepartmentLines.GetLength(1);
        writer.Write7BitEncodedInt(Count);
        writer.Write7BitEncodedInt(departments);
        writer.Write7BitEncodedInt64(PriceScale);
        writer.Write(Days is not null);
        for (var g = 0; g < Count; g++)
        {
            writer.Write7BitEncodedInt64(Lines[g]);
            writer.Write7BitEncodedInt64(KnownPriceLines[g]);
            writer.Write7BitEncodedInt64(Reordered[g]);
            PartialFormat.WriteInt128(writer, RevenueUnits[g]);
            writer.Write7BitEncodedInt64(Orders[g] + 1);
            writer.Write7BitEncodedInt64(Customers[g]);
            for (var d = 0; d < departments; d++)
            {
                writer.Write7BitEncodedInt64(DepartmentLines[g, d]);
            }

            Days?[g].Write(writer);
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static GroupStats Read(BinaryReader reader)
    {
        var count = PartialFormat.Count(reader, 1 << 16);
        var departments = reader.Read7BitEncodedInt();
        if (departments < 0 || departments > AnswerPartials.MaxDepartments || (long)count * departments > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException("The department cells are out of range.");
        }

        var scale = reader.Read7BitEncodedInt64();
        if (scale < 1)
        {
            throw new InvalidDataException("The price unit is not positive.");
        }

        var stats = new GroupStats(count, departments, scale, reader.ReadBoolean());
        for (var g = 0; g < count; g++)
        {
            stats.Lines[g] = PartialFormat.NonNegative(reader);
            stats.KnownPriceLines[g] = PartialFormat.NonNegative(reader);
            stats.Reordered[g] = PartialFormat.NonNegative(reader);
            stats.RevenueUnits[g] = PartialFormat.ReadInt128(reader);
            stats.Orders[g] = PartialFormat.NonNegative(reader) - 1;
            stats.Customers[g] = PartialFormat.NonNegative(reader);
            for (var d = 0; d < departments; d++)
            {
                stats.DepartmentLines[g, d] = PartialFormat.NonNegative(reader);
            }

            if (stats.Days is not null)
            {
                stats.SetDays(g, DayHistogram.Read(reader));
            }
        }

        return stats.Finish();
    }
}
