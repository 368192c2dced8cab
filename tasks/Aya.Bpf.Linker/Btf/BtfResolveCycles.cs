namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// The kernel's loop and depth detection: a depth-first walk over references, in id order, remembering
/// resolved types. A pointer ends a walk through structs and arrays (so "struct A { struct A *next; }"
/// is fine), while a walk that starts at a pointer only continues through pointers and modifiers.
/// A walk deeper than 32 types fails with "Exceeded max resolving depth:32".
/// </summary>
internal sealed class BtfResolveCycles(BtfData btf, BtfViolationLog log)
{
    private enum State : byte
    {
        NotVisited,
        Visiting,
        Resolved,
    }

    private enum Mode
    {
        Undecided,
        Pointer,
        StructOrArray,
    }

    private enum Outcome
    {
        Resolved,
        Loop,
        TooDeep,
    }

    private readonly State[] states = new State[btf.Types.Count + 1];
    private readonly List<uint> stack = [];

    public void Check(IReadOnlySet<uint> skip)
    {
        foreach (var type in btf.Types)
        {
            if (!NeedsResolve(type) || states[type.Id] == State.Resolved || skip.Contains(type.Id))
            {
                continue;
            }

            var mode = Mode.Undecided;
            var outcome = Visit(type, ref mode);
            if (outcome != Outcome.Resolved)
            {
                log.Type(type, outcome == Outcome.Loop ? "Loop detected" : $"Exceeded max resolving depth:{BtfTypeSizes.MaxDepth}");
                // Everything on the failed path counts as done, so one loop is reported once.
                stack.ForEach(id => states[id] = State.Resolved);
            }

            stack.Clear();
        }
    }

    private Outcome Visit(BtfType type, ref Mode mode)
    {
        if (stack.Count == BtfTypeSizes.MaxDepth)
        {
            return Outcome.TooDeep;
        }

        if (states[type.Id] != State.NotVisited)
        {
            return Outcome.Loop;
        }

        states[type.Id] = State.Visiting;
        stack.Add(type.Id);
        if (mode == Mode.Undecided)
        {
            mode = type.Kind == BtfKind.Ptr ? Mode.Pointer
                : type is BtfCompositeType or BtfArrayType ? Mode.StructOrArray
                : Mode.Undecided;
        }

        foreach (uint next in References(type))
        {
            if (btf.TypeById(next) is not { } nextType || IsSink(nextType, mode) || states[next] == State.Resolved)
            {
                continue;
            }

            var outcome = Visit(nextType, ref mode);
            if (outcome != Outcome.Resolved)
            {
                return outcome;
            }
        }

        states[type.Id] = State.Resolved;
        stack.RemoveAt(stack.Count - 1);
        return Outcome.Resolved;
    }

    private static IEnumerable<uint> References(BtfType type) => type switch
    {
        BtfReferenceType r => [r.Type],
        BtfVarType v => [v.Type],
        BtfDeclTagType t => [t.Type],
        BtfArrayType a => [a.IndexType, a.ElementType],
        BtfCompositeType c => c.Members.Select(m => m.Type),
        BtfDatasecType d => d.Entries.Select(e => e.Type),
        _ => [],
    };

    private static bool NeedsResolve(BtfType type) =>
        type is BtfReferenceType or BtfCompositeType or BtfArrayType or BtfVarType or BtfFuncType or BtfDeclTagType or BtfDatasecType;

    private static bool IsSink(BtfType next, Mode mode) => mode switch
    {
        Mode.Pointer => !BtfKindNames.IsModifier(next.Kind) && next.Kind != BtfKind.Ptr,
        Mode.StructOrArray => !BtfKindNames.IsModifier(next.Kind) && next is not (BtfArrayType or BtfCompositeType),
        _ => !NeedsResolve(next),
    };
}
