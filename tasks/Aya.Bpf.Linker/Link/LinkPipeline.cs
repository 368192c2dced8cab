using Aya.Bpf.Linker.Asm;
using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Linker.Cli;
using Aya.Bpf.Linker.DebugInfo;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Emit;
using Aya.Bpf.Linker.Inputs;
using Aya.Bpf.Linker.License;
using Aya.Bpf.Linker.Llvm;
using Aya.Bpf.Linker.Maps;
using Aya.Bpf.Linker.Relocations;
using Aya.Bpf.Linker.SourcePaths;

namespace Aya.Bpf.Linker.Link;

/// <summary>
/// The link, stage by stage: read inputs, link them into one module, keep the exports and
/// internalize the rest, optimise, generate BPF code, write the object.
/// </summary>
internal sealed class LinkPipeline(LinkOptions options, DiagnosticLog log)
{
    private readonly PhaseTimer _timer = new(log.Progress);

    public bool Run()
    {
        var manifest = options.Manifest is null ? null : LinkManifest.Read(options.Manifest);
        // What cargo linked (in a host build, for the host's target) and the BpfBitcode items.
        IReadOnlyList<string> cargoInputs = manifest?.Inputs ?? [];
        if (options.FromHost)
            cargoInputs = HostRetarget.SelectInputs(cargoInputs, log);
        var inputs = cargoInputs.Concat(options.Inputs).ToList();
        var exports = (manifest?.Exports ?? []).Concat(options.Exports).ToList();

        var blobs = _timer.Time("read", () =>
            InputReader.Read(cargoInputs, log, compiledForHost: options.FromHost).Concat(InputReader.Read(options.Inputs, log)).ToList());
        if (log.HasErrors)
            return false;
        if (blobs.Count == 0)
        {
            log.Error(DiagnosticCodes.NoEntryPoints, "there is no bitcode to link: cargo built nothing and no BpfBitcode item was given.");
            return false;
        }
        log.Info($"Linking {blobs.Count} bitcode modules from {inputs.Count} inputs with LLVM {LlvmLibrary.LoadedVersion}:");
        foreach (var blob in blobs)
            log.Info($"  {blob.Origin}");

        using var context = new LlvmContext();
        using var machine = TargetChoice.Create(options, log);
        if (machine is null)
            return false;
        using var module = _timer.TimeAnnounced("link", () => ModuleLinker.Link(context, blobs, machine, log));
        if (module is null)
            return false;

        var license = ProgramLicense.Resolve(context, module, options.License, options.Target == "bpfeb", log);
        var cGlobals = CGlobalFunctions.Find(context, module);
        var kept = Internalizer.Apply(module, new ExportPolicy(exports.Concat(cGlobals)));
        if (!kept.Any(name => module.Functions.Any(f => f.Name == name && !f.IsDeclaration)))
        {
            log.Error(DiagnosticCodes.NoEntryPoints,
                "no program entry point was found: mark a function #[unsafe(no_mangle)] and place it in a program section, " +
                "e.g. #[unsafe(link_section = \"xdp\")].");
            return false;
        }
        log.Info($"Exported symbols: {string.Join(", ", kept.Order(StringComparer.Ordinal))}");
        if (cGlobals.Count > 0)
            log.Info($"C global functions kept GLOBAL, as clang made them (the link is C alone): {string.Join(", ", cGlobals.Order(StringComparer.Ordinal))}");
        if (UserspaceGlobals.KeepLoaderValues(module) is { Count: > 0 } globals)
            log.Info($"Globals for userspace (kept, their values left to the loader): {string.Join(", ", globals.Order(StringComparer.Ordinal))}");

        TargetAttributes.Clear(module, options.FromHost);
        if (AggregateReturns.InlineIntoCallers(context, module) is > 0 and var inlined)
            log.Info($"{inlined} functions returning more than BPF can return (a Rust pair such as Option<u32>) are inlined into their callers.");
        if (options.FromHost)
            HostRetarget.BeforeOptimise(context, module, log);
        if (CoreAccessRewrite.Apply(context, module, log) is > 0 and var relocatable)
            log.Info($"{relocatable} relocatable accesses (core_access.rs) written as CO-RE relocations.");
        if (log.HasErrors)
            return false;
        if (!_timer.TimeAnnounced("optimise", () => Optimise(context, machine, module)))
            return false;
        if (options.FromHost)
            HostRetarget.DropPersonalities(context, module);
        // What is left is what the program reaches: it must be BPF code, and complete.
        if (!RetargetCheck.Check(context, module, log)
            || !CoreAccessRewrite.CheckNoneLeft(context, module, log)
            || !InlineAssembly.Check(context, module, machine, options.FromHost, log)
            || !MemoryBuiltins.Provide(context, module, machine, log)
            || !UndefinedSymbols.Check(module, log)
            || !GplRestrictions.Check(context, module, license, log))
            return false;
        PanicPaths.Report(context, module, log);
        UserspaceGlobals.ReportUnread(module, log);
        var unreachableEnds = UnreachableEnds.Replace(context, module);
        if (unreachableEnds > 0)
            log.Info($"{unreachableEnds} unreachable ends (after calls that never return) made returns, so that no function runs off its end.");
        if (UndefinedOperands.Zero(context, module) is > 0 and var zeroed)
            log.Info($"{zeroed} undefined values (a None's payload, padding) made zero, so that no register the code reads is one nothing wrote.");

        var maps = _timer.Time("maps", () => LegacyMapRewriter.Apply(context, module, options.Target == "bpfeb", log));
        if (log.HasErrors)
            return false;
        foreach (var map in maps)
            log.Info($"Map {map.Name}: legacy definition rewritten into .maps ({string.Join(", ", map.Plan.Members.Select(Describe))})");
        if (MapsSection.Unify(module) is > 0 and var writable)
            log.Info($"{writable} maps written the BTF way as immutable statics made writable, so that every map is in one .maps section.");

        var repair = _timer.Time("debug info", () => DebugInfoRepair.Apply(context, module));
        foreach (var source in MapSources.Find(context, module))
            repair.Origins.Add(source.SourceName, source);
        log.Info($"Debug info repaired for BTF: {repair}");
        MapSourcePaths(context, module);

        byte[]? bytes;
        using (SourceRootDirectory.Enter(options.SourceRoot))
            bytes = _timer.TimeAnnounced("codegen", () => ObjectEmitter.Emit(context, machine, module, log));
        if (bytes is null)
            return false;
        var entryPoints = module.Functions.Where(f => !f.IsDeclaration && ExportPolicy.IsProgramSection(f.Section)).Select(f => f.Name).ToHashSet();
        // Global C functions of a C-only link stay GLOBAL FUNCs, as clang left them.
        entryPoints.UnionWith(cGlobals);
        var madeStatic = StaticFuncPatch.Apply(bytes, entryPoints);
        if (madeStatic > 0)
            log.Info($"BTF: {madeStatic} helper functions made STATIC; GLOBAL FUNCs are the entry points only.");
        BtfData? btf = null;
        if (!_timer.Time("BTF check", () => BtfObjectCheck.Check(bytes, options.KernelBaseline, repair.Origins, log, out btf))
            || btf is null || !MapObjectCheck.Check(btf, repair.Origins, log))
            return false;
        if (_timer.Time("write", () => ObjectEmitter.WriteAtomically(options.Output, bytes)) is { } notWritten)
        {
            log.Error(DiagnosticCodes.OutputNotWritten, $"cannot write the object {options.Output}: {notWritten}");
            return false;
        }
        log.Info($"Sections: {ObjectSummary.DescribeSections(bytes)}");
        log.Info($"Wrote {options.Output} ({bytes.Length} bytes); {_timer}");
        log.Progress($"linked in {_timer.Summary()}");
        return true;
    }

    private void MapSourcePaths(LlvmContext context, LlvmModule module)
    {
        if (options.SourceRoot is not { } root)
            return;
        var paths = new SourcePathMap(root, options.SourceArea ?? Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root))) ?? root, options.PathMap);
        var files = DebugFilePaths.Apply(context, module, paths);
        // Code generation reports at mapped paths; the build's messages point at the real files.
        log.FileResolver = paths.Restore;
        log.Info($"Source paths: {files} files made machine-independent (relative to {root}).");
    }

    private static string Describe(BtfMapMember member) => member switch
    {
        BtfMapIntegerMember number => $"{member.Name} {number.Value}",
        BtfMapTypeMember typed => $"{member.Name} {typed.Type.Name}",
        _ => member.Name,
    };

    private bool Optimise(LlvmContext context, TargetMachine machine, LlvmModule module)
    {
        var invalid = module.Verify();
        if (invalid is not null)
        {
            log.Error(DiagnosticCodes.InvalidModule, $"the linked module is not valid LLVM IR: {invalid}");
            return false;
        }
        var error = machine.RunPasses(module, $"default<O{options.OptimizationLevel}>");
        var failed = LlvmDiagnosticReporter.Report(context, log, DiagnosticCodes.LlvmError, "optimisation");
        if (error is not null)
            log.Error(DiagnosticCodes.LlvmError, $"optimisation failed: {error}");
        return error is null && !failed;
    }
}
