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

        table.Caption(reconciliation.AddsUp ? "joined − without product − without customer = merged ✓" : "does NOT add up");
        AnsiConsole.Write(table);
    }
}
