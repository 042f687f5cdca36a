using System.CommandLine;
using Instacart.Analysis.Answers;
using Instacart.Data.Cache;
using Instacart.Data.Derivation;
using Instacart.Data.Input;
using Instacart.Data;

namespace Instacart.Cli.Commands;

/// <summary>Options shared by several commands, so each is described once.</summary>
internal static class CommonOptions
{
    /// <summary>The data folder (default: <see cref="InstacartData.DefaultFolderName"/> under the current directory).</summary>
    public static Option<DirectoryInfo> Data()
    {
        var option = new Option<DirectoryInfo>("--data")
        {
            Description = "The folder holding orders.csv, order_products__prior.csv, products.csv, departments.csv and customers.csv (optional: order_products__train.csv, aisles.csv); for answers, also a partitioned dataset made by partition.",
            DefaultValueFactory = _ => new DirectoryInfo(InstacartData.DefaultFolderName),
            CustomParser = result => NonEmptyPath(result, "--data", text => new DirectoryInfo(text)),
        };
        return option;
    }

    /// <summary>A path option's value, or a parse error (a usage error: exit code 2) when it is empty.</summary>
    public static T? NonEmptyPath<T>(System.CommandLine.Parsing.ArgumentResult result, string option, Func<string, T> make)
        where T : class
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
        if (string.IsNullOrWhiteSpace(text))
        {
            result.AddError($"{option} needs a path, and '{text}' is empty");
            return null;
        }

        return make(text);
    }

    /// <summary>How <c>order_dow</c> 0..6 is named.</summary>
    public static Option<string> DayConvention() => new Option<string>("--day-convention")
    {
        Description = "How order_dow 0..6 is read: saturday-first (0 = Saturday, the course's reading) or sunday-first.",
        DefaultValueFactory = _ => AnswersDocument.SaturdayFirst,
    }.AcceptOnlyFromAmong(AnswersDocument.SaturdayFirst, AnswersDocument.SundayFirst);

    /// <summary>What a load does with a row that breaks its file's schema.</summary>
    public static Option<string> OnBadRows() => new Option<string>("--on-bad-rows")
    {
        Description = "fail (the default): the first row that breaks its file's schema stops with exit code 2 and one line naming file, line and column. "
            + "skip: such rows are left out, counted per file and reason and the first few quoted; lines of an order that is not there go with it, and so does an order line repeating an earlier line's (order_id, product_id) or (order_id, add_to_cart_order) (a repeated order or user id or a product of an unknown department still stops the run).",
        DefaultValueFactory = _ => "fail",
    }.AcceptOnlyFromAmong("fail", "skip");

    /// <summary>The policy for a parsed <c>--on-bad-rows</c>.</summary>
    public static BadRowPolicy ToPolicy(string onBadRows) => onBadRows == "skip" ? BadRowPolicy.Skip : BadRowPolicy.Fail;

    /// <summary>The analysis options for a parsed <c>--day-convention</c>.</summary>
    public static AnalysisOptions ToOptions(string dayConvention, string onBadRows) => ToOptions(dayConvention) with { OnBadRows = ToPolicy(onBadRows) };

    /// <summary>The analysis options for a parsed <c>--day-convention</c>, failing on bad rows.</summary>
    public static AnalysisOptions ToOptions(string dayConvention) => AnalysisOptions.Default with
    {
        DayConvention = AnswersDocument.DayConventionOf(dayConvention),
    };

    /// <summary>Where the columnar cache of the loaded input tables lives.</summary>
    public static Option<DirectoryInfo?> Cache() => new("--cache")
    {
        Description = "The folder of the columnar cache of loaded input tables (default: $INSTACART_CACHE, else the user cache folder). A later load of the unchanged data folder reads it instead of parsing CSV.",
    };

    /// <summary>Turns the cache off.</summary>
    public static Option<bool> NoCache() => new("--no-cache")
    {
        Description = "Parse the CSV files and neither read nor write the cache.",
    };

    /// <summary>The environment variable that sets the cache folder, or turns the cache off with <see cref="CacheOffValue"/>.</summary>
    public const string CacheVariable = "INSTACART_CACHE";

    /// <summary>The value of <see cref="CacheVariable"/> that turns the cache off.</summary>
    public const string CacheOffValue = "off";

    /// <summary>
    /// The cache settings for parsed <c>--cache</c> and <c>--no-cache</c>: none with <c>--no-cache</c>, else the folder
    /// given, else <see cref="CacheVariable"/> (a folder, or <c>off</c>), else the user's cache folder. The command line
    /// is the only place the environment is read; the library is always handed the result.
    /// </summary>
    public static CacheOptions? ToCache(DirectoryInfo? directory, bool disabled) =>
        ToCache(directory?.FullName, disabled, Environment.GetEnvironmentVariable(CacheVariable));

    /// <summary><see cref="ToCache(DirectoryInfo?, bool)"/> with the variable's value given.</summary>
    internal static CacheOptions? ToCache(string? directory, bool disabled, string? variable)
    {
        if (disabled)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(directory))
        {
            return new CacheOptions(Path.GetFullPath(directory));
        }

        if (string.IsNullOrWhiteSpace(variable))
        {
            return new CacheOptions(CacheOptions.DefaultDirectory);
        }

        return string.Equals(variable.Trim(), CacheOffValue, StringComparison.OrdinalIgnoreCase) ? null : new CacheOptions(Path.GetFullPath(variable));
    }
}
