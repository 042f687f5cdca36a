using Instacart.Data.Cleaning;
using Spectre.Console;

namespace Instacart.Cli.Commands;

/// <summary>Prints the reconciliation counts as a small table.</summary>
internal static class ReconciliationTable
{
    /// <summary>Prints the rows skipped as bad input, per file and reason with the first example, when there are any.</summary>
    public static void PrintSkipped(Instacart.Data.Input.BadRowLog badRows)
    {
        if (badRows.Total == 0)
        {
            return;
        }

        var table = new Table().Title("Rows skipped as bad input (--on-bad-rows skip)").AddColumn(new TableColumn("file").NoWrap()).AddColumn("reason").AddColumn(new TableColumn("rows").RightAligned()).AddColumn("first");
        foreach (var group in badRows.Groups)
        {
            table.AddRow(Markup.Escape(group.File), Markup.Escape(group.Reason), group.Rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(group.Examples[0]));
        }

        AnsiConsole.Write(table);
    }

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
