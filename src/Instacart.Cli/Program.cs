using System.CommandLine;
using Instacart.Cli.Commands;

var root = new RootCommand("Instacart notebooks: answer an online grocer's questions from the Instacart data, run the notebooks and export the report.")
{
    AnswersCommand.Create(),
    RunCommand.Create(),
    GenerateCommand.Create(),
    BenchCommand.Create(),
};

// Ctrl+C is handled by the commands themselves ('run' stops between notebook cells and discards its staging
// folder, so the previous report stays intact): System.CommandLine would end the process before that.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
