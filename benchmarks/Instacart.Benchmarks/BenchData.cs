namespace Instacart.Benchmarks;

/// <summary>The data folder the benchmarks read: <c>INSTACART_BENCH_DATA</c>, generated at full scale outside the repository.</summary>
internal static class BenchData
{
    public const string Variable = "INSTACART_BENCH_DATA";

    public static string Folder =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder && Directory.Exists(folder)
            ? Path.GetFullPath(folder)
            : throw new InvalidOperationException(
                $"Set {Variable} to a data folder, e.g. made by: instacart generate --out DIR --users 206209 --seed 1");

    public static string PriorLines => Path.Combine(Folder, "order_products__prior.csv");
}
