using Instacart.Analysis.Cleaning;
using Spectre.Console;

namespace Instacart.Cli.Commands;

/// <summary>Prints the reconciliation counts as a small table.</summary>
internal static class ReconciliationTable
{
    public static void Print(Reconciliation reconciliation)
    {
        var table = new Table().Title("Reconciliation").AddColumn("count").AddColumn(new TableColumn("value").RightAligned());
        foreach (var (key, value) in reconciliation.Entries)
        {
            table.AddRow(key, value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        AnsiConsole.WriteLine(reconciliation.AddsUp
            ? "lines_joined_orders − lines_without_product − lines_without_customer = lines_merged: adds up."
            : "The reconciliation does NOT add up.");
    }
}
