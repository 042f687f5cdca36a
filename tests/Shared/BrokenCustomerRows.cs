using System.Text;

namespace Instacart.Tests.Shared;

/// <summary>
/// Rows of <c>customers.csv</c> broken in many shapes, every field of which is a distinctive value (names like
/// <c>ZQXWVUTS</c>), so that a plain search finds any value of the bad row that an error, a skipped row's example or
/// an output repeats. A value of that file is never to be quoted anywhere, whatever broke (SPEC §2).
/// Linked into the test projects that load customers files.
/// </summary>
internal static class BrokenCustomerRows
{
    public const string UserId = "918273645";
    public const string First = "ZQXWVUTS";
    public const string Surname = "QXZYWVUT";
    public const string Gender = "GQXZWVGX";
    public const string State = "SQXZWVTS";
    public const string Joined = "11/29/1987";
    public const string Status = "FQXZWVST";
    public const string Income = "864209753";

    /// <summary>Age and dependants in range: short, so only checked where they cannot appear by chance (messages).</summary>
    public const string Age = "149";
    public const string Dependants = "97";

    /// <summary>Every shape: its name, and how the file is made from a good CRLF file's header and data lines.</summary>
    public static readonly IReadOnlyList<(string Name, Func<string, string[], byte[]> Make)> Shapes =
    [
        ("shifted left (user_id missing)", (h, rows) => Insert(h, rows, Row()[1..])),
        ("shifted left, ten fields (a name in user_id)", (h, rows) => Insert(h, rows, [.. Row()[1..], ""])),
        ("shifted right, ten fields (a state in Age)", (h, rows) => Insert(h, rows, ["918273646", .. Row()[..9]])),
        ("shifted right (a field before user_id)", (h, rows) => Insert(h, rows, ["918273646", .. Row()])),
        ("an extra field at the end", (h, rows) => Insert(h, rows, [.. Row(), "EQXZWVTX"])),
        ("a field missing in the middle", (h, rows) => Insert(h, rows, [.. Row()[..8], Income])),
        ("text after a closing quote", (h, rows) => Insert(h, rows, Row(first: "\"ZQXWV\"UTS"))),
        ("a quote inside an unquoted name", (h, rows) => Insert(h, rows, Row(surname: "QXZ\"YWVUT"))),
        ("a quote that is never closed", (h, rows) => Insert(h, rows, Row(first: "\"ZQXWVUTS"))),
        ("a name in the age column", (h, rows) => Insert(h, rows, Row(age: "ZQXAGEWV"))),
        ("an age out of range", (h, rows) => Insert(h, rows, Row(age: "1473692"))),
        ("a negative user_id", (h, rows) => Insert(h, rows, Row(userId: "-918273645"))),
        ("a control character in the first name", (h, rows) => Insert(h, rows, Row(first: "ZQX\u0001WVUTS"))),
        ("a control character in the gender", (h, rows) => Insert(h, rows, Row(gender: "GQX\u0007ZWVGX"))),
        ("a NUL byte in the state", (h, rows) => Insert(h, rows, Row(state: "SQX\0ZWVTS"))),
        ("invalid UTF-8 in the surname", (h, rows) => InsertBytes(h, rows, Row(surname: "QXZ\u00FFYWVUT"), (byte)0xFF)),
        ("invalid UTF-8 in the status", (h, rows) => InsertBytes(h, rows, Row(status: "FQX\u00FEZWVST"), (byte)0xFE)),
        ("a date that is not M/d/yyyy", (h, rows) => Insert(h, rows, Row(joined: "31/31/QZX7"))),
        ("dependants out of range", (h, rows) => Insert(h, rows, Row(dependants: "739164"))),
        ("an income that is not an integer", (h, rows) => Insert(h, rows, Row(income: "864209753.5"))),
        ("semicolons for commas", (h, rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", [h, rows[0], string.Join(';', Row()), .. rows[1..]]) + "\r\n")),
        ("the header missing, this row first", (_, rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", [string.Join(',', Row()), .. rows]) + "\r\n")),
        ("a repeated user_id", (h, rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", [h, string.Join(',', Row()), .. rows, string.Join(',', Row(first: "ZQXSECND"))]) + "\r\n")),
    ];

    /// <summary>Every value a broken row may hold (the shapes' variants included), with the short ones.</summary>
    public static readonly IReadOnlyList<string> Values =
    [
        UserId, "-918273645", "918273646", First, "ZQXWV", "UTS", "ZQXSECND", Surname, "QXZ", "YWVUT", Gender, "GQX", "ZWVGX",
        State, "SQX", "ZWVTS", Joined, "31/31/QZX7", Status, "FQX", "ZWVST", Income, "864209753.5", "EQXZWVTX",
        "ZQXAGEWV", "1473692", "739164", Age, Dependants,
    ];

    /// <summary>The values long and odd enough never to appear by chance in a report or answers.json.</summary>
    public static IEnumerable<string> DistinctiveValues => Values.Where(v => v.Length >= 5);

    /// <summary>The values that may not appear in a one-line message (all but the two-digit one, which a line number may be).</summary>
    public static IEnumerable<string> MessageValues => Values.Where(v => v.Length >= 3);

    /// <summary>The good file split into its header and data lines.</summary>
    public static (string Header, string[] Rows) Split(string crlfText)
    {
        var lines = crlfText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        return (lines[0], lines[1..]);
    }

    private static string[] Row(
        string userId = UserId, string first = First, string surname = Surname, string gender = Gender, string state = State,
        string age = Age, string joined = Joined, string dependants = Dependants, string status = Status, string income = Income) =>
        [userId, first, surname, gender, state, age, joined, dependants, status, income];

    private static byte[] Insert(string header, string[] rows, string[] bad) =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", [header, rows[0], string.Join(',', bad), .. rows[1..]]) + "\r\n");

    private static byte[] InsertBytes(string header, string[] rows, string[] bad, byte raw)
    {
        // The row's marker character is written as one raw byte, which is not UTF-8 on its own.
        var row = Encoding.Latin1.GetBytes(string.Join(',', bad));
        return Array.IndexOf(row, raw) < 0
            ? throw new InvalidOperationException("the row has no marker")
            : [.. Encoding.UTF8.GetBytes($"{header}\r\n{rows[0]}\r\n"), .. row, .. Encoding.UTF8.GetBytes(string.Join("\r\n", ["", .. rows[1..]]) + "\r\n")];
    }
}
