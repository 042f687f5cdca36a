using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Instacart.Benchmarks")]
