using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Link;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Cli;

/// <summary>The <c>link</c> command: one project's link, in this process.</summary>
internal static class LinkCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var log = new DiagnosticLog(output);
        var options = LinkOptions.Parse(args, out var error);
        if (options is null)
        {
            log.Error(DiagnosticCodes.UsageError, $"invalid linker arguments: {error}");
            return 1;
        }

        var loadError = LlvmLibrary.TryLoad(options.LlvmLibrary);
        if (loadError is not null)
        {
            log.Error(DiagnosticCodes.LlvmNotLoadable,
                $"{loadError}. The Rust toolchain should ship libLLVM with the BPF target; reinstall it with rustup, or set BpfLlvmPath to such a library.");
            return 1;
        }
        LlvmOptions.ApplyOnce(LlvmOptions.Defaults);
        return new LinkPipeline(options, log).Run() && !log.HasErrors ? 0 : 1;
    }
}
