namespace Aya.Bpf.Linker.Llvm;

/// <summary>
/// The value of an integer that is a constant once its address arithmetic is folded: the distance
/// from a pointer to a field of it, <c>ptrtoint(gep(p, 8)) - x</c> where <c>p = inttoptr(x)</c>, which
/// LLVM leaves unfolded when the pointer came from an integer (a helper's return, as bpf_get_current_task's).
/// </summary>
internal static class ConstantOffset
{
    /// <summary>The constant <paramref name="value"/> comes to; null when it depends on anything at run time.</summary>
    public static long? Of(LlvmModule module, nint value)
    {
        var (root, offset) = Decompose(module, value);
        return root == 0 ? offset : null;
    }

    // The value as a root (0: none) plus a constant.
    private static (nint Root, long Offset) Decompose(LlvmModule module, nint value)
    {
        if (LlvmApi.LLVMIsAConstantInt(value) != 0)
            return (0, LlvmApi.LLVMConstIntGetSExtValue(value));
        var opcode = (LlvmOpcode)(LlvmApi.LLVMIsAInstruction(value) != 0 ? LlvmApi.LLVMGetInstructionOpcode(value)
            : LlvmApi.LLVMIsAConstantExpr(value) != 0 ? LlvmApi.LLVMGetConstOpcode(value)
            : 0);
        switch (opcode)
        {
            case LlvmOpcode.PtrToInt or LlvmOpcode.IntToPtr or LlvmOpcode.BitCast:
                return Decompose(module, LlvmApi.LLVMGetOperand(value, 0));
            case LlvmOpcode.Add or LlvmOpcode.Sub:
                var left = Decompose(module, LlvmApi.LLVMGetOperand(value, 0));
                var right = Decompose(module, LlvmApi.LLVMGetOperand(value, 1));
                if (opcode == LlvmOpcode.Add && (left.Root == 0 || right.Root == 0))
                    return (left.Root | right.Root, left.Offset + right.Offset);
                if (opcode == LlvmOpcode.Sub && right.Root == 0)
                    return (left.Root, left.Offset - right.Offset);
                if (opcode == LlvmOpcode.Sub && left.Root == right.Root)
                    return (0, left.Offset - right.Offset);
                return (value, 0);
            case LlvmOpcode.GetElementPtr when GepOffset(module, value) is { } step:
                var (root, offset) = Decompose(module, LlvmApi.LLVMGetOperand(value, 0));
                return (root, offset + step);
            default:
                return (value, 0);
        }
    }

    // The bytes a GEP with constant indices adds to its pointer, from the module's data layout.
    private static long? GepOffset(LlvmModule module, nint gep)
    {
        var layout = LlvmApi.LLVMGetModuleDataLayout(module.Raw);
        var type = LlvmApi.LLVMGetGEPSourceElementType(gep);
        var operands = LlvmApi.LLVMGetNumOperands(gep);
        long offset = 0;
        for (var i = 1; i < operands; i++)
        {
            var index = LlvmApi.LLVMGetOperand(gep, (uint)i);
            if (LlvmApi.LLVMIsAConstantInt(index) == 0)
                return null;
            var value = LlvmApi.LLVMConstIntGetSExtValue(index);
            if (i == 1)
            {
                offset += value * (long)LlvmApi.LLVMABISizeOfType(layout, type);
                continue;
            }
            switch ((LlvmTypeKind)LlvmApi.LLVMGetTypeKind(type))
            {
                case LlvmTypeKind.Struct:
                    offset += (long)LlvmApi.LLVMOffsetOfElement(layout, type, (uint)value);
                    type = LlvmApi.LLVMStructGetTypeAtIndex(type, (uint)value);
                    break;
                case LlvmTypeKind.Array:
                    type = LlvmApi.LLVMGetElementType(type);
                    offset += value * (long)LlvmApi.LLVMABISizeOfType(layout, type);
                    break;
                default:
                    return null;
            }
        }
        return offset;
    }
}
