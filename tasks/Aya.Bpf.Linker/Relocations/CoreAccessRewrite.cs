using Aya.Bpf.Linker.DebugInfo;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Link;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Relocations;

/// <summary>
/// The relocation stage, before optimisation: every call of a core_access.rs marker becomes the
/// relocatable access clang would write for the same source, so LLVM's BPF backend records it in
/// .BTF.ext and libbpf moves it to the running kernel's layout. An access that cannot be a relocation
/// is a coded error at the program's line, never a fixed offset. The markers, left without callers,
/// go with the optimiser's dead-code removal; one that survives it is reported by <see cref="CheckNoneLeft"/>.
/// </summary>
internal static class CoreAccessRewrite
{
    // LLVM's BPF backend keeps the globals of relocated accesses in a process-wide table, keyed by
    // type and access: a second module with the same access would get the first module's freed global.
    private static int s_linksWithRelocations;

    public static int Apply(LlvmContext context, LlvmModule module, DiagnosticLog log)
    {
        var markers = CoreMarker.Find(context, module);
        if (markers.Count == 0)
            return 0;
        if (Interlocked.Increment(ref s_linksWithRelocations) > 1)
        {
            log.Error(DiagnosticCodes.CoreAccessNotRelocatable,
                "this process has already linked relocatable accesses, and LLVM's BPF backend keeps them in a table for the whole process: run each link in a process of its own, as the build does.");
            return 0;
        }
        using var debugInfo = new DebugInfoBuilder(context, module);
        var types = new CoreDebugTypes(DebugInfoLayout.Measure(debugInfo));
        var byFunction = markers.ToDictionary(marker => marker.Function.Handle);
        var calls = module.Functions.Where(f => !f.IsDeclaration)
            .SelectMany(f => f.Instructions(context).Where(i => i.IsCall && i.CalledFunction is { } callee && byFunction.ContainsKey(callee.Handle)).Select(call => (f, call)))
            .ToList();
        using var builder = new PreserveAccessBuilder(context, module);
        var rewritten = 0;
        foreach (var (function, call) in calls)
        {
            var marker = byFunction[call.CalledFunction!.Value.Handle];
            var site = marker.Kind == CoreMarkerKind.TypeInfo ? null : CoreAccessSite.Read(module, call, 2);
            if (Rewrite(module, builder, types, marker, call, site) is { } problem)
            {
                var source = site is null ? call.SourceLocationOutside(marker.SourceFile) : (InCrate(context, function, site.File), site.Line);
                log.Report(new Diagnostic(Severity.Error, DiagnosticCodes.CoreAccessNotRelocatable,
                    $"this relocatable access cannot be a CO-RE relocation: {problem}.", source?.File, source?.Line ?? 0));
            }
            else
                rewritten++;
        }
        return rewritten;
    }

    // file!() is relative to where rustc ran, the directory debug info gives the crate's files.
    private static string InCrate(LlvmContext context, LlvmGlobal function, string file) =>
        Path.IsPathRooted(file) || function.Subprogram(context) is not { IsNull: false } subprogram || subprogram.SourceDirectory is not { Length: > 0 } directory
            ? file
            : Path.Combine(directory, file);

    /// <summary>After optimisation: a marker still there is still called (through a pointer, say), so some access would be a fixed offset.</summary>
    public static bool CheckNoneLeft(LlvmContext context, LlvmModule module, DiagnosticLog log)
    {
        foreach (var marker in CoreMarker.Find(context, module))
            log.Error(DiagnosticCodes.CoreAccessNotRelocatable,
                $"{FunctionNames.Display(context, marker.Function)} is still called after the relocation stage (through a function pointer?): " +
                "its accesses would read the local layout, not the kernel's.", marker.SourceFile);
        return !log.HasErrors;
    }

    private static string? Rewrite(LlvmModule module, PreserveAccessBuilder builder, CoreDebugTypes types, CoreMarker marker, LlvmInstruction call, CoreAccessSite? site)
    {
        // An answer nothing reads needs no relocation (and an unused one crashes LLVM's BPF backend).
        if (!call.IsUsed)
        {
            call.Erase();
            return null;
        }
        if (marker.Type.IsNull)
            return "the marker has no debug info naming the type (build with debug info, as the SDK's profiles do)";
        builder.PositionBefore(call);
        if (marker.Kind == CoreMarkerKind.TypeInfo)
        {
            if (call.ConstantArgument(0) is not { } flag)
                return "the kind of type information is not a constant";
            PreserveAccessBuilder.Replace(call, builder.TypeInfo(types.Strip(marker.Type), (uint)flag));
            return null;
        }
        if (ConstantOffset.Of(module, call.Argument(1)) is not ({ } signedOffset and >= 0))
            return "the field's offset is not a constant (an array index only known at run time?)";
        var offset = (ulong)signedOffset;
        if (site is null)
            return "the marker's field path is not a constant string of the form file:line:field";
        var (steps, problem) = CoreAccessPath.Resolve(types, marker.Type, site.Path, offset, marker.Field);
        if (steps is null)
            return problem;
        var kind = marker.Kind == CoreMarkerKind.FieldInfo ? call.ConstantArgument(4) : null;
        if (marker.Kind == CoreMarkerKind.FieldInfo && kind is null)
            return "the kind of field information is not a constant";
        var address = call.Argument(0);
        foreach (var step in steps)
        {
            address = step switch
            {
                CoreStructStep member => builder.StructMember(address, member.Type, member.SizeInBytes, member.Index),
                CoreUnionStep member => builder.UnionMember(address, member.Type, member.Index),
                CoreArrayStep element => builder.ArrayElement(address, element.Type, element.Count, element.ElementBytes, element.Index),
                _ => throw new InvalidOperationException($"unknown step {step}"),
            };
        }
        if (kind is { } fieldInfo)
            address = builder.FieldInfo(address, (uint)fieldInfo);
        PreserveAccessBuilder.Replace(call, address);
        return null;
    }
}
