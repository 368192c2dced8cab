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
        try
        {
            return Link(args, log);
        }
        catch (Exception e)
        {
            // A bug of ours, not of the user's program: one coded line the build shows, no stack trace.
            log.Error(DiagnosticCodes.UsageError,
                $"the linker failed unexpectedly ({e.GetType().Name}: {e.Message}). This is a bug of the SDK; please report it with the response file.");
            return 1;
        }
    }

    private static int Link(string[] args, DiagnosticLog log)
    {
        var options = LinkOptions.Parse(args, out var error);
        if (options is null)
        {
            log.Error(DiagnosticCodes.UsageError, $"invalid linker arguments: {error}");
            return 1;
        }

        var loadError = LlvmLibrary.TryLoad(options.LlvmLibrary);
        if (loadError is { Incompatible: true })
        {
            log.Error(DiagnosticCodes.LlvmIncompatible,
                $"{loadError.Message}. Leave BpfLlvmPath empty to use the libLLVM of the Rust toolchain that built the crate.", options.Project);
            return 1;
        }
        if (loadError is not null)
        {
            log.Error(DiagnosticCodes.LlvmNotLoadable,
                $"{loadError.Message}. The Rust toolchain should ship libLLVM with the BPF target; reinstall it with rustup, or set BpfLlvmPath to such a library.");
            return 1;
        }
        var linked = new LinkPipeline(options, log).Run() && !log.HasErrors;
        log.SummariseRepeats();
        return linked ? 0 : 1;
    }
}
