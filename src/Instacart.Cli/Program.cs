using System.CommandLine;
using Instacart.Cli.Commands;
using Instacart.Data.Memory;

// Before the first large array: fresh memory in huge pages costs a fraction of the page faults (Memory/HugePages.cs).
HugePages.AdviseManagedHeap();

var root = new RootCommand(
    "Instacart notebooks: answer an online grocer's questions from the Instacart data, run the notebooks and export the report. "
    + ExitCodes.Summary)
{
    AnswersCommand.Create(),
    PartitionCommand.Create(),
    SiloCommand.Create(),
    RunCommand.Create(),
    GenerateCommand.Create(),
    BenchCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    // A usage error is one line and a hint, exit code 2: not the whole help text, and never 1 (a failed notebook cell).
    return await Failures.UsageAsync(parse);
}

// Ctrl+C is handled by the commands themselves ('run' stops between notebook cells and discards its staging
// folder, so the previous report stays intact): System.CommandLine would end the process before that.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
