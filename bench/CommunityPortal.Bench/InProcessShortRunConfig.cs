using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CommunityPortal.Bench;

/// <summary>
/// In-process: BenchmarkDotNet's generated project cannot restore the ASP.NET packages from the registry here,
/// and in-process runs of the same binary are what ratios need anyway.
/// </summary>
public sealed class InProcessShortRunConfig : ManualConfig
{
    public InProcessShortRunConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
