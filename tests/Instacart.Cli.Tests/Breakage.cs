using System.Text;

namespace Instacart.Cli.Tests;

/// <summary>
/// One way to break one input file, applied to a good copy: the corpus is made by the tests from good data,
/// not kept as hand-edited blobs.
/// </summary>
public sealed record Breakage(string Name, Func<byte[], byte[]?> Apply)
{
    public override string ToString() => Name;

    private static byte[] Lines(byte[] bytes, Func<List<string>, List<string>> change)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split(newline).ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return Encoding.UTF8.GetBytes(string.Join(newline, change(lines)) + newline);
    }

    private static string ReplaceField(string line, int field, string value)
    {
        var fields = line.Split(',');
        fields[field] = value;
        return string.Join(',', fields);
    }

    private static byte[] InsertByte(byte[] bytes, byte value)
    {
        // Into the first field of the third line, so the line and column are known.
        var newlines = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n' && ++newlines == 2)
            {
                return [.. bytes[..(i + 2)], value, .. bytes[(i + 2)..]];
            }
        }

        return bytes;
    }

    /// <summary>Breakages that apply to every input file.</summary>
    public static IEnumerable<Breakage> Common() =>
    [
        new("missing file", _ => null),
        new("empty file", _ => []),
        new("header only", b => Lines(b, l => l.Take(1).ToList())),
        new("reordered header", b => Lines(b, l => { var h = l[0].Split(','); (h[0], h[1]) = (h[1], h[0]); l[0] = string.Join(',', h); return l; })),
        new("missing column", b => Lines(b, l => { l[2] = string.Join(',', l[2].Split(',')[..^1]); return l; })),
        new("extra column", b => Lines(b, l => { l[2] += ",9"; return l; })),
        new("non-numeric id", b => Lines(b, l => { l[2] = ReplaceField(l[2], 0, "x1"); return l; })),
        new("negative id", b => Lines(b, l => { l[2] = ReplaceField(l[2], 0, "-1"); return l; })),
        new("decimal in an integer column", b => Lines(b, l => { l[2] = ReplaceField(l[2], 0, "1.5"); return l; })),
        new("truncated last line", b => Lines(b, l => { l[^1] = l[^1][..(l[^1].IndexOf(',') + 1)]; return l; })),
        new("unbalanced quote", b => Lines(b, l => { l[2] = ReplaceField(l[2], 1, "\"" + l[2].Split(',')[1]); return l; })),
        new("semicolon delimiter", b => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).Replace(',', ';'))),
        new("Latin-1 byte", b => InsertByte(b, 0xE9)),
        new("NUL byte", b => InsertByte(b, 0)),
        new("10 MB single line", b => [.. b, .. Encoding.ASCII.GetBytes(new string('7', 10 * 1024 * 1024)), (byte)'\n']),
    ];

    /// <summary>Breakages of one file only.</summary>
    public static IEnumerable<(string File, Breakage Breakage)> Specific() =>
    [
        ("orders.csv", new("day of week out of range", b => Lines(b, l => { l[2] = ReplaceField(l[2], 4, "7"); return l; }))),
        ("orders.csv", new("hour out of range", b => Lines(b, l => { l[2] = ReplaceField(l[2], 5, "24"); return l; }))),
        ("orders.csv", new("duplicate order ids", b => Lines(b, l => { l.Add(l[1]); return l; }))),
        ("order_products__prior.csv", new("line of an unknown order", b => Lines(b, l => { l.Add("999999999,1,1,0"); return l; }))),
        ("order_products__train.csv", new("line of an unknown order", b => Lines(b, l => { l.Add("999999999,1,1,0"); return l; }))),
        ("order_products__prior.csv", new("repeated line", b => Lines(b, l => { l.Add(l[1]); return l; }))),
        ("order_products__train.csv", new("repeated line", b => Lines(b, l => { l.Add(l[1]); return l; }))),
        ("products.csv", new("unknown department", b => Lines(b, l => { l[2] = ReplaceField(l[2], 3, "99"); return l; }))),
        ("customers.csv", new("empty age", b => Lines(b, l => { l[2] = ReplaceField(l[2], 5, string.Empty); return l; }))),
        ("customers.csv", new("duplicate user ids", b => Lines(b, l => { l.Add(l[1]); return l; }))),
    ];
}
