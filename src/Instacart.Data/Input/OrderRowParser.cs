using System.Buffers.Binary;

namespace Instacart.Data.Input;

/// <summary>
/// The fast reader of <c>orders.csv</c> rows in their plain form: <c>order_id,user_id,eval_set,order_number,
/// order_dow,order_hour_of_day,days_since_prior_order</c>, unsigned numbers (<see cref="PlainFields"/>), the eval set
/// spelt <c>prior</c>, <c>train</c> or <c>test</c>, and the days empty or a plain decimal of at most 366. A subset of
/// what the strict reader accepts, with the same values; anything else stops it, and the loader's plain path reads
/// the file for the exact error.
/// </summary>
/// <remarks>Written here for the reason <see cref="LineRowParser"/> is: the general tokenizer is most of the cost.</remarks>
internal struct OrderRowParser : IPlainRowParser
{
    private const ulong SixBytes = 0xFFFF_FFFF_FFFF;
    private const ulong FiveBytes = 0xFF_FFFF_FFFF;

    /// <summary><c>prior,</c>, <c>train,</c> and <c>test,</c> as the little-endian words they start.</summary>
    private static readonly ulong Prior = Word("prior,"u8), Train = Word("train,"u8), Test = Word("test,"u8);

    /// <summary>The <c>order_id</c> column.</summary>
    public int[] OrderId;

    /// <summary>The <c>user_id</c> column.</summary>
    public int[] UserId;

    /// <summary>The <c>eval_set</c> column.</summary>
    public EvalSet[] EvalSet;

    /// <summary>The <c>order_number</c> column.</summary>
    public int[] OrderNumber;

    /// <summary>The <c>order_dow</c> column.</summary>
    public byte[] DayOfWeek;

    /// <summary>The <c>order_hour_of_day</c> column.</summary>
    public byte[] HourOfDay;

    /// <summary>The <c>days_since_prior_order</c> column (NaN when empty).</summary>
    public float[] DaysSincePrior;

    /// <summary>Where the next row goes.</summary>
    public int Row;

    /// <inheritdoc/>
    public PlainRows Read(byte[] buffer, int length)
    {
        var at = 0;
        while (at < length)
        {
            if (Row >= OrderId.Length
                || !PlainFields.Number(buffer, ref at, out var order) || buffer[at++] != (byte)','
                || !PlainFields.Number(buffer, ref at, out var user) || buffer[at++] != (byte)','
                || !Set(buffer, ref at, out var set)
                || !PlainFields.Number(buffer, ref at, out var number) || buffer[at++] != (byte)',' || number < 1
                || !PlainFields.Number(buffer, ref at, out var day) || buffer[at++] != (byte)',' || day > 6
                || !PlainFields.Number(buffer, ref at, out var hour) || buffer[at++] != (byte)',' || hour > 23
                || !PlainFields.OptionalDecimal(buffer, ref at, 366, out var days)
                || !PlainFields.LineEnd(buffer, ref at))
            {
                return PlainRows.NotPlain;
            }

            var row = Row;
            OrderId[row] = order;
            UserId[row] = user;
            EvalSet[row] = set;
            OrderNumber[row] = number;
            DayOfWeek[row] = (byte)day;
            HourOfDay[row] = (byte)hour;
            DaysSincePrior[row] = (float)days;
            Row = row + 1;
        }

        return PlainRows.Done;
    }

    private static ulong Word(ReadOnlySpan<byte> text)
    {
        Span<byte> word = stackalloc byte[sizeof(ulong)];
        word.Clear();
        text.CopyTo(word);
        return BinaryPrimitives.ReadUInt64LittleEndian(word);
    }

    /// <summary>The eval set and the comma after it, told from the next eight bytes at once.</summary>
    private static bool Set(byte[] buffer, ref int at, out EvalSet set)
    {
        var word = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(at, sizeof(ulong)));
        (set, var length) = (word & SixBytes) == Prior ? (Input.EvalSet.Prior, 6)
            : (word & SixBytes) == Train ? (Input.EvalSet.Train, 6)
            : (word & FiveBytes) == Test ? (Input.EvalSet.Test, 5)
            : (default, 0);
        at += length;
        return length > 0;
    }
}
