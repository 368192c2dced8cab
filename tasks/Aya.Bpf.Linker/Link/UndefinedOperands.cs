using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Link;

/// <summary>
/// LLVM leaves a value undefined where any value would do: the payload of a Rust <c>None</c>
/// (an <c>Option&lt;u32&gt;</c> is a tag and a payload), padding, the other path of a phi. In BPF code
/// such a value is a register nothing wrote, and the verifier refuses the program when it is stored,
/// passed to a helper or returned ("R6 !read_ok"), even on a path where nothing reads it. Every
/// undefined operand left after optimisation becomes zero, as clang's BPF code would have it.
/// </summary>
internal static class UndefinedOperands
{
    /// <summary>Returns how many operands were made zero.</summary>
    public static int Zero(LlvmContext context, LlvmModule module)
    {
        var zeroed = 0;
        foreach (var instruction in module.Functions.Where(f => !f.IsDeclaration).SelectMany(f => f.Instructions(context)))
        {
            // A call's last operand is its callee.
            var operands = instruction.OperandCount - (instruction.IsCall ? 1 : 0);
            for (var i = 0; i < operands; i++)
            {
                var operand = instruction.Argument(i);
                var defined = DefinedConstants.Of(operand);
                if (defined == operand)
                    continue;
                instruction.SetOperand(i, defined);
                zeroed++;
            }
        }
        return zeroed;
    }
}
