using Aya.Bpf.Linker.Cli;

// The linker runs as a child process of the build so that a fatal LLVM error (LLVM aborts the
// process) ends this process only, and LLVM's process-wide options belong to one project.
return args switch
{
    ["capture", .. var rest] => CaptureCommand.Run(rest, Console.Out),
    ["link", .. var rest] => LinkCommand.Run(rest, Console.Out),
    ["rustc-wrapper", .. var rest] => RustcWrapperCommand.Run(rest, Console.Error),
    ["skeleton", .. var rest] => SkeletonCommand.Run(rest, Console.Out),
    ["kernel-types", .. var rest] => KernelTypesCommand.Run(rest, Console.Out),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Aya.Bpf.Linker capture <manifest> <rustc linker arguments...>");
    Console.Error.WriteLine("       Aya.Bpf.Linker link @<response file> | <options...>");
    Console.Error.WriteLine("       Aya.Bpf.Linker rustc-wrapper <rustc> <rustc arguments...>");
    Console.Error.WriteLine($"       Aya.Bpf.Linker {SkeletonCommand.Usage}");
    Console.Error.WriteLine($"       Aya.Bpf.Linker {KernelTypesCommand.Usage}");
    return 2;
}
