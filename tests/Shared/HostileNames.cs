using System.Globalization;

namespace Instacart.Tests.Shared;

/// <summary>
/// Department and product names that carry markup, written into a generated data folder by <see cref="Poison"/>:
/// script and event-handler payloads (for HTML pages), and every piece of the HTML subset plotly.js draws in chart
/// text — a link, bold, italics, a styled span, superscripts, a line break, entities — plus TeX, which a page with
/// MathJax typesets (and whose <c>\href</c> is a link). Every name must be shown as the literal text it is.
/// Linked into the test projects that run the analyses on hostile data.
/// </summary>
internal static class HostileNames
{
    public const string Script = "<script>alert(1)</script>";
    public const string Image = "\"><img src=x onerror=alert(2)>";
    public const string Link = "<a href=\"https://example.com/x\">click</a>";
    public const string Bold = "<b>bold</b>";
    public const string Styled = "<span style=\"color:red\">red</span>";
    public const string Ampersand = "a & b";
    public const string LineBreak = "up<br>down";
    public const string Entity = "&lt;i&gt;entity&lt;/i&gt; &amp; &#36;";
    public const string Tex = "$\\href{https://example.com/tex}{tex}$";
    public const string Mixed = "<i>it</i> <sup>2</sup> <sub>3</sub> <em>em</em> <A HREF='https://example.com/y'>up</A>";

    /// <summary>The hosts every hostile link points at; no link to them may appear in any output.</summary>
    public static readonly string[] LinkHosts = ["example.com", "//e.co"];

    /// <summary>Which department of the generated data takes which hostile name.</summary>
    public static IReadOnlyDictionary<string, string> Departments { get; } = new Dictionary<string, string>
    {
        ["produce"] = Script,
        ["dairy eggs"] = Image,
        ["snacks"] = Link,
        ["beverages"] = Bold,
        ["frozen"] = Styled,
        ["pantry"] = Ampersand,
        ["bakery"] = LineBreak,
        ["deli"] = Entity,
        ["canned goods"] = Tex,
        ["household"] = Mixed,
    };

    /// <summary>
    /// The hostile name of product <paramref name="id"/>: each kind of payload in turn, most of them short enough
    /// (30 characters) to be drawn whole on the product-pair axis.
    /// </summary>
    public static string Product(int id)
    {
        var n = id.ToString(CultureInfo.InvariantCulture);
        return (id % 8) switch
        {
            0 => $"<img src=x onerror=alert({n})></script><script>alert({n})</script>",
            1 => $"<a href='http://e.co'>{n}</a>",
            2 => $"<b>bold {n}</b>",
            3 => $"<span style='color:red'>{n}</span>",
            4 => $"{n} & co $5 or $6",
            5 => $"{n}<br>line",
            6 => $"&lt;b&gt;{n}&lt;/b&gt;",
            _ => $"<em>{n}</em><sup>2</sup>",
        };
    }

    /// <summary>Renames the departments of <see cref="Departments"/> and every named product of a generated data folder.</summary>
    /// <param name="dataDirectory">A folder written by the synthetic generator (its departments file is one row of names).</param>
    public static void Poison(string dataDirectory)
    {
        var departmentsPath = Path.Combine(dataDirectory, "departments.csv");
        var departments = File.ReadAllText(departmentsPath);
        foreach (var (name, hostile) in Departments)
        {
            var field = "," + name + ",";
            if (!departments.Contains(field, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"No department '{name}' in {departmentsPath}.");
            }

            departments = departments.Replace(field, "," + Quote(hostile) + ",", StringComparison.Ordinal);
        }

        File.WriteAllText(departmentsPath, departments);

        var productsPath = Path.Combine(dataDirectory, "products.csv");
        var lines = File.ReadAllText(productsPath).Split("\r\n");
        for (var i = 1; i < lines.Length; i++)
        {
            var comma = lines[i].IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                continue;
            }

            var id = lines[i][..comma];
            var rest = lines[i][(comma + 1)..];
            var afterName = rest.StartsWith('"') ? rest[(rest.IndexOf("\",", 1, StringComparison.Ordinal) + 2)..] : rest[(rest.IndexOf(',', StringComparison.Ordinal) + 1)..];
            var name = string.IsNullOrWhiteSpace(rest.Split(',')[0]) ? string.Empty : Quote(Product(int.Parse(id, CultureInfo.InvariantCulture)));
            lines[i] = $"{id},{name},{afterName}";
        }

        File.WriteAllText(productsPath, string.Join("\r\n", lines));
    }

    /// <summary>The value as an RFC 4180 quoted field.</summary>
    public static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
