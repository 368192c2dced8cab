namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// Checks a parsed <c>.BTF</c> against what the kernel's BPF_BTF_LOAD accepts (kernel/bpf/btf.c), as of
/// <see cref="BtfValidationOptions.KernelBaseline"/>. Unlike the kernel, which stops at the first problem,
/// it reports every type with a problem (one problem per type and pass).
/// </summary>
internal static class BtfValidator
{
    public static IReadOnlyList<BtfViolation> Validate(BtfData btf, BtfValidationOptions? options = null)
    {
        options ??= new BtfValidationOptions();
        var facts = new BtfKernelFacts(options.KernelBaseline);
        var log = new BtfViolationLog();
        BtfHeaderChecks.Check(btf, log);

        // Pass 1: each type on its own. Types that fail it are left out of pass 2, as the kernel never gets there.
        var meta = new BtfMetaChecks(btf, facts, options, log);
        var failed = new HashSet<uint>();
        foreach (var type in btf.Types)
        {
            if (!meta.Check(type))
            {
                failed.Add(type.Id);
            }
        }

        // Pass 2: references, sizes and layouts, then loops and depth.
        var sizes = new BtfTypeSizes(btf);
        var references = new BtfReferenceChecks(btf, sizes, log);
        var funcs = new BtfFuncChecks(btf, sizes, facts, log);
        foreach (var type in btf.Types.Where(t => !failed.Contains(t.Id)))
        {
            references.Check(type);
            if (type is BtfFuncType func)
            {
                funcs.CheckFunc(func);
            }
            else if (type is BtfFuncProtoType proto)
            {
                funcs.CheckProto(proto);
            }
        }

        new BtfResolveCycles(btf, log).Check(failed);
        return log.Violations;
    }
}
