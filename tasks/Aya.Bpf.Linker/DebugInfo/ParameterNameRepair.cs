using System.Text.RegularExpressions;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.DebugInfo;

/// <summary>
/// The kernel wants a name on every parameter of a FUNC's prototype ("Invalid arg#N"). LLVM takes the names
/// from the parameter variables a subprogram retains, and rustc retains none for some parameters (those of
/// zero-sized types, for one) or retains them without a name. Each gets the name <c>argN</c>.
/// </summary>
internal static partial class ParameterNameRepair
{
    public static void Apply(LlvmContext context, DebugInfoLayout layout, LlvmModule module, DebugInfoBuilder builder, DebugInfoRepairResult result)
    {
        foreach (var function in module.Functions.Where(f => !f.IsDeclaration))
        {
            var subprogram = function.Subprogram(context);
            if (subprogram.IsNull)
                continue;
            var operands = subprogram.Operands;
            var typeArray = layout.SubroutineTypes(operands);
            if (operands.Length <= DebugInfoLayout.SubprogramRetainedNodesOperand || !typeArray.IsNode)
                continue;

            // Operand 0 is the return type; parameters are numbered from 1.
            var types = typeArray.Operands;
            var retainedOperand = operands[DebugInfoLayout.SubprogramRetainedNodesOperand];
            var retained = retainedOperand.IsNode ? retainedOperand.Operands.ToList() : [];
            var named = new HashSet<int>();
            foreach (var variable in retained.Where(n => n.IsNode && n.Kind == MetadataKind.LocalVariable))
            {
                var argument = ArgumentNumber(variable);
                if (argument == 0)
                    continue;
                // rustc retains parameters of zero-sized types without a name.
                if (string.IsNullOrEmpty(variable.StringOperand(DebugInfoLayout.VariableNameOperand)))
                {
                    variable.ReplaceOperand(DebugInfoLayout.VariableNameOperand, LlvmMetadata.String(context, $"arg{argument}"));
                    result.ParametersNamed++;
                }
                named.Add(argument);
            }

            var added = 0;
            for (var argument = 1; argument < types.Length; argument++)
            {
                if (named.Contains(argument) || !types[argument].IsNode)
                    continue;
                retained.Add(builder.Parameter(subprogram, $"arg{argument}", argument, operands[DebugInfoLayout.SubprogramFileOperand], subprogram.Line, types[argument]));
                added++;
            }
            if (added == 0)
                continue;
            subprogram.ReplaceOperand(DebugInfoLayout.SubprogramRetainedNodesOperand, LlvmMetadata.Tuple(context, retained));
            result.ParametersNamed += added;
        }
    }

    /// <summary>The C API has no accessor for a variable's argument number, so it is read from LLVM's own print of the node.</summary>
    private static int ArgumentNumber(LlvmMetadata variable)
    {
        var match = ArgumentField().Match(variable.Print());
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"\barg: (\d+)")]
    private static partial Regex ArgumentField();
}
