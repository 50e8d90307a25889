using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Cj.Benchmarks.FitBenchmarks).Assembly).Run(args);
