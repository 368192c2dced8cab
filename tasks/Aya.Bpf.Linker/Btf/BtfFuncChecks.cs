namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// FUNC and FUNC_PROTO checks of the second pass (btf_func_check, btf_func_proto_check). "Invalid
/// arg#N" counts parameters from 1, as the kernel does.
/// </summary>
internal sealed class BtfFuncChecks(BtfData btf, BtfTypeSizes sizes, BtfKernelFacts facts, BtfViolationLog log)
{
    /// <summary>A FUNC's type is a FUNC_PROTO whose typed parameters all have names (BTF-typed args are verified by name).</summary>
    public void CheckFunc(BtfFuncType func)
    {
        if (btf.TypeById(func.Type) is not BtfFuncProtoType proto)
        {
            log.Type(func, "Invalid type_id");
            return;
        }

        for (int i = 0; i < proto.Params.Count; i++)
        {
            var param = proto.Params[i];
            if (param.NameOffset == 0 && param.Type != 0)
            {
                log.Component(func, null, $"Invalid arg#{i + 1}");
                return;
            }
        }
    }

    public void CheckProto(BtfFuncProtoType proto)
    {
        if (proto.ReturnType != 0 && !sizes.TryGetSize(proto.ReturnType, out _, out _))
        {
            log.Type(proto, "Invalid return type");
            return;
        }

        int count = proto.Params.Count;
        // Only the last parameter may be void: it stands for varargs and must be unnamed.
        if (count > 0 && proto.Params[^1].Type == 0)
        {
            if (proto.Params[^1].NameOffset != 0)
            {
                log.Component(proto, proto.Params[^1].Name, $"Invalid arg#{count}");
                return;
            }

            count--;
        }

        for (int i = 0; i < count; i++)
        {
            var param = proto.Params[i];
            bool badName = param.NameOffset != 0
                && (btf.Strings.RawAt(param.NameOffset) is not { } raw || !BtfNameRules.IsIdentifier(raw.Span, facts));
            if (badName || !btf.IsValidId(param.Type) || !sizes.TryGetSize(param.Type, out _, out _))
            {
                log.Component(proto, param.Name, $"Invalid arg#{i + 1}");
                return;
            }
        }
    }
}
