using System.CommandLine;
using Instacart.Cli.Commands;

var root = new RootCommand("Instacart notebooks: answer an online grocer's questions from the Instacart data, run the notebooks and export the report.")
{
    AnswersCommand.Create(),
    RunCommand.Create(),
    GenerateCommand.Create(),
    BenchCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
