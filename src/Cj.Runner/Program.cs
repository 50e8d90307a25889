using Cj.Runner;

return CliApp.Run(args, Console.Out, Console.Error);
