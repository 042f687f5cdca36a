namespace Instacart.Data.Input;

/// <summary>Reads <c>orders.csv</c> with its explicit schema.</summary>
internal static class OrdersLoader
{
    /// <summary>The header, in order.</summary>
    public static readonly string[] Header =
        ["order_id", "user_id", "eval_set", "order_number", "order_dow", "order_hour_of_day", "days_since_prior_order"];

    /// <summary>The shortest row, <c>1,1,test,1,0,0,</c> and its line break: more line breaks than that allows are not rows.</summary>
    private const int MinRowBytes = 16;

    /// <summary>
    /// Reads every row; a bad value is an <see cref="InputException"/>, or a logged, skipped row when
    /// <paramref name="badRows"/> skips. Plain rows are read by <see cref="OrderRowParser"/> into columns of the exact
    /// length (the line breaks from <paramref name="census"/>, the census the hash took, or counted); on anything else
    /// the strict CsvHelper reader reads the file from the start, and reports or skips what it finds.
    /// </summary>
    public static OrdersTable Load(string path, BadRowLog? badRows = null, LineCensus? census = null)
    {
        TextSniff.Check(path);
        return TryLoadPlain(path, census, badRows?.Skips == true ? new SkippedRows() : null) ?? LoadStrict(path, badRows);
    }

    /// <summary>The plain path: the strict CsvHelper reader from the first row to the last, every field through its typed accessor.</summary>
    internal static OrdersTable LoadStrict(string path, BadRowLog? badRows = null)
    {
        using var csv = StrictCsvReader.Open(path, Header, trackLineNumbers: false, badRows);
        var skipped = new SkippedRows();
        var capacity = ColumnBuilder<int>.CapacityFor(path, 30);
        var orderId = new ColumnBuilder<int>(capacity);
        var userId = new ColumnBuilder<int>(capacity);
        var evalSet = new ColumnBuilder<EvalSet>(capacity);
        var orderNumber = new ColumnBuilder<int>(capacity);
        var dow = new ColumnBuilder<byte>(capacity);
        var hour = new ColumnBuilder<byte>(capacity);
        var days = new ColumnBuilder<float>(capacity);
        var malformed = 0;
        while (csv.Read())
        {
            SkippedRows.NoteMalformed(csv, skipped, orderId.Count, ref malformed);

            // Every field is parsed before any column grows, so a skipped row leaves the columns aligned.
            int id, user, number;
            EvalSet set;
            byte day, hourOfDay;
            float sincePrior;
            try
            {
                id = csv.Int(0);
                user = csv.Int(1);
                set = ParseEvalSet(csv);
                number = csv.Int(3, min: 1);
                day = (byte)csv.Int(4, 0, 6);
                hourOfDay = (byte)csv.Int(5, 0, 23);
                sincePrior = (float)csv.OptionalDecimal(6, max: 366);
            }
            catch (InputException error)
            {
                BadRowLog.SkipOrThrow(badRows, error);
                skipped.Add(orderId.Count);
                continue;
            }

            orderId.Add(id);
            userId.Add(user);
            evalSet.Add(set);
            orderNumber.Add(number);
            dow.Add(day);
            hour.Add(hourOfDay);
            days.Add(sincePrior);
        }

        SkippedRows.NoteMalformed(csv, skipped, orderId.Count, ref malformed);
        return new OrdersTable(orderId.ToArray(), userId.ToArray(), evalSet.ToArray(), orderNumber.ToArray(), dow.ToArray(), hour.ToArray(), days.ToArray(), badRows?.Skips == true ? skipped : null);
    }

    /// <summary>The table when every row is plain (<see cref="OrderRowParser"/>), else null; <paramref name="skipped"/> is handed on (none were).</summary>
    internal static OrdersTable? TryLoadPlain(string path, LineCensus? census = null, SkippedRows? skipped = null)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.None);
        var length = RandomAccess.GetLength(handle);
        if (LineBreaks.DataRows(handle, length, census?.Breaks(length) ?? LineBreaks.Count(handle, length), MinRowBytes) is not { } count)
        {
            return null;
        }

        var parser = new OrderRowParser
        {
            OrderId = new int[count],
            UserId = new int[count],
            EvalSet = new EvalSet[count],
            OrderNumber = new int[count],
            DayOfWeek = new byte[count],
            HourOfDay = new byte[count],
            DaysSincePrior = new float[count],
        };
        return PlainRowReader.Read(handle, 0, length, Header, ref parser) == PlainRows.Done && parser.Row == count
            ? new OrdersTable(parser.OrderId, parser.UserId, parser.EvalSet, parser.OrderNumber, parser.DayOfWeek, parser.HourOfDay, parser.DaysSincePrior, skipped)
            : null;
    }

    private static EvalSet ParseEvalSet(StrictCsvReader csv)
    {
        var span = csv.Span(2);
        if (span.SequenceEqual("prior"u8))
        {
            return EvalSet.Prior;
        }

        if (span.SequenceEqual("train"u8))
        {
            return EvalSet.Train;
        }

        if (span.SequenceEqual("test"u8))
        {
            return EvalSet.Test;
        }

        throw csv.Error(2, "prior, train or test", csv.Found(2));
    }
}
