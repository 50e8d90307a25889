using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "throughput")
{
    return Cj.Benchmarks.Throughput.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Cj.Benchmarks.FitBenchmarks).Assembly).Run(args);
return 0;
