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
    public static int Apply(LlvmContext context, LlvmModule module, DiagnosticLog log)
    {
        var markers = CoreMarker.Find(context, module);
        if (markers.Count == 0)
            return 0;
        using var debugInfo = new DebugInfoBuilder(context, module);
        var types = new CoreDebugTypes(DebugInfoLayout.Measure(debugInfo));
        var byFunction = markers.ToDictionary(marker => marker.Function.Handle);
        var calls = module.Functions.Where(f => !f.IsDeclaration)
            .SelectMany(f => f.Instructions(context).Where(i => i.IsCall && i.CalledFunction is { } callee && byFunction.ContainsKey(callee.Handle)))
            .ToList();
        using var builder = new PreserveAccessBuilder(context, module);
        var rewritten = 0;
        foreach (var call in calls)
        {
            var marker = byFunction[call.CalledFunction!.Value.Handle];
            if (Rewrite(module, builder, types, marker, call) is { } problem)
            {
                var source = call.SourceLocationOutside(marker.SourceFile);
                log.Report(new Diagnostic(Severity.Error, DiagnosticCodes.CoreAccessNotRelocatable,
                    $"this relocatable access cannot be a CO-RE relocation: {problem}.", source?.File, source?.Line ?? 0));
            }
            else
                rewritten++;
        }
        return rewritten;
    }

    /// <summary>After optimisation: a marker still there is still called (through a pointer, say), so some access would be a fixed offset.</summary>
    public static bool CheckNoneLeft(LlvmContext context, LlvmModule module, DiagnosticLog log)
    {
        foreach (var marker in CoreMarker.Find(context, module))
            log.Error(DiagnosticCodes.CoreAccessNotRelocatable,
                $"{FunctionNames.Display(context, marker.Function)} is still called after the relocation stage (through a function pointer?): " +
                "its accesses would read the local layout, not the kernel's.", marker.SourceFile);
        return !log.HasErrors;
    }

    private static string? Rewrite(LlvmModule module, PreserveAccessBuilder builder, CoreDebugTypes types, CoreMarker marker, LlvmInstruction call)
    {
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
        if (CoreMarkerArguments.Path(module, call, 2) is not { } path)
            return "the marker's field path is not a constant string";
        var (steps, problem) = CoreAccessPath.Resolve(types, marker.Type, path, offset, marker.Field);
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
