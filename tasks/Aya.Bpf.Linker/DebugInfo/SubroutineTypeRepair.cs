using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.DebugInfo;

/// <summary>
/// When optimisation changes an internal function's signature (dead arguments removed, say), LLVM
/// marks its subroutine type DW_CC_nocall and may leave it with no types at all, not even the return
/// type. LLVM's BTF writer then skips the FUNC_PROTO and the FUNC points at a type that does not exist
/// ("Invalid type_id"). Such a subprogram gets a subroutine type made from the function's signature
/// as the IR has it now: integers become unsigned integers of their width, pointers void pointers.
/// </summary>
internal static class SubroutineTypeRepair
{
    public static void Apply(LlvmContext context, DebugInfoLayout layout, LlvmModule module, DebugInfoBuilder builder, DebugInfoRepairResult result)
    {
        Dictionary<(LlvmTypeKind, uint), LlvmMetadata> typeCache = [];
        foreach (var function in module.Functions.Where(f => !f.IsDeclaration))
        {
            var subprogram = function.Subprogram(context);
            if (subprogram.IsNull)
                continue;
            var operands = subprogram.Operands;
            if (operands.Length <= DebugInfoLayout.SubprogramTypeOperand || !operands[DebugInfoLayout.SubprogramTypeOperand].IsNode)
                continue;
            var typeArray = layout.SubroutineTypes(operands);
            if (typeArray.IsNode && typeArray.Operands.Length > 0)
                continue;

            var signature = function.Signature;
            List<LlvmMetadata> types = [signature[0].Kind == LlvmTypeKind.Void ? builder.None : TypeOf(signature[0], builder, typeCache)];
            types.AddRange(signature.Skip(1).Select(type => TypeOf(type, builder, typeCache)));
            var file = operands[DebugInfoLayout.SubprogramFileOperand];
            subprogram.ReplaceOperand(DebugInfoLayout.SubprogramTypeOperand, builder.SubroutineType(file, types));
            result.SubroutineTypesRebuilt++;
        }
    }

    private static LlvmMetadata TypeOf(LlvmSignatureType type, DebugInfoBuilder builder, Dictionary<(LlvmTypeKind, uint), LlvmMetadata> cache)
    {
        var key = (type.Kind, type.IntegerBits);
        if (cache.TryGetValue(key, out var known))
            return known;
        var made = type.Kind switch
        {
            LlvmTypeKind.Pointer => builder.Pointer(builder.None),
            // i1 (a bool) is stored as a byte; BTF integers are whole bytes.
            LlvmTypeKind.Integer => builder.UnsignedType($"u{Math.Max(8, type.IntegerBits)}", Math.Max(8, (type.IntegerBits + 7) / 8 * 8)),
            LlvmTypeKind.Float => builder.UnsignedType("u32", 32),
            _ => builder.UnsignedType("u64", 64),
        };
        cache[key] = made;
        return made;
    }
}
