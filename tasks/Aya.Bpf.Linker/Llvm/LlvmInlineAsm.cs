namespace Aya.Bpf.Linker.Llvm;

/// <summary>LLVM's InlineAsm::AsmDialect.</summary>
internal enum AsmDialect
{
    Att = 0,
    Intel = 1,
}

/// <summary>The parts of an inline assembly callee that decide what code it is.</summary>
/// <param name="Template">The assembly text, with operand references such as <c>${0}</c> or <c>${0:q}</c>.</param>
/// <param name="Constraints">Outputs, inputs and clobbers, e.g. <c>=&amp;r,r,~{memory}</c>.</param>
internal sealed record InlineAsmText(string Template, string Constraints, AsmDialect Dialect);

/// <summary>An inline assembly value (a call's callee, a borrowed LLVMValueRef).</summary>
internal readonly struct LlvmInlineAsm(nint handle)
{
    internal nint Handle => handle;

    public InlineAsmText Text => new(
        LlvmStrings.Borrowed(LlvmApi.LLVMGetInlineAsmAsmString(handle, out var templateLength), templateLength),
        LlvmStrings.Borrowed(LlvmApi.LLVMGetInlineAsmConstraintString(handle, out var constraintsLength), constraintsLength),
        (AsmDialect)LlvmApi.LLVMGetInlineAsmDialect(handle));

    public nint FunctionType => LlvmApi.LLVMGetInlineAsmFunctionType(handle);

    /// <summary>The same assembly (type, side effects, stack alignment, unwinding) with other text.</summary>
    public unsafe LlvmInlineAsm WithText(InlineAsmText text)
    {
        var template = System.Text.Encoding.UTF8.GetBytes(text.Template);
        var constraints = System.Text.Encoding.UTF8.GetBytes(text.Constraints);
        fixed (byte* templateBytes = template)
        fixed (byte* constraintBytes = constraints)
        {
            return new LlvmInlineAsm(LlvmApi.LLVMGetInlineAsm(FunctionType, templateBytes, (nuint)template.Length, constraintBytes, (nuint)constraints.Length,
                LlvmApi.LLVMGetInlineAsmHasSideEffects(handle), LlvmApi.LLVMGetInlineAsmNeedsAlignedStack(handle), (int)text.Dialect,
                LlvmApi.LLVMGetInlineAsmCanUnwind(handle)));
        }
    }
}
