using BenchmarkDotNet.Running;
using CommunityPortal.Bench;

BenchmarkSwitcher.FromAssembly(typeof(MatrixQueryBenchmarks).Assembly).Run(args);
