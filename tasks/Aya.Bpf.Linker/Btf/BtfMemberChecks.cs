namespace Aya.Bpf.Linker.Btf;

/// <summary>
/// The kernel's struct/union member checks of the second pass (btf_struct_resolve and each kind's
/// check_member / check_kflag_member): member types are sized, aligned as their kind needs and inside the struct.
/// </summary>
internal sealed class BtfMemberChecks(BtfData btf, BtfTypeSizes sizes, BtfViolationLog log)
{
    public void Check(BtfCompositeType type)
    {
        foreach (var member in type.Members)
        {
            string? problem = Problem(type, member);
            if (problem is not null)
            {
                // The kernel stops at the first bad member.
                log.Member(type, member, problem);
                return;
            }
        }
    }

    private string? Problem(BtfCompositeType owner, BtfMember member)
    {
        // Members need a size: not void, FWD, FUNC, FUNC_PROTO, nor VAR/DATASEC/DECL_TAG.
        if (btf.TypeById(member.Type) is null or BtfFwdType or BtfFuncType or BtfFuncProtoType or BtfVarType or BtfDatasecType or BtfDeclTagType
            || !sizes.TryGetSize(member.Type, out ulong size, out var resolved) || resolved is null)
        {
            return "Invalid member";
        }

        long bitOffset = member.BitOffset;
        if (owner.KindFlag)
        {
            switch (resolved)
            {
                case BtfIntType intType:
                    return KindFlagIntProblem(owner, member, intType);
                case BtfEnumType:
                    return KindFlagEnumProblem(owner, member);
                default:
                    if (member.BitfieldSize != 0)
                    {
                        return "Invalid member bitfield_size";
                    }

                    break;
            }
        }

        return resolved switch
        {
            BtfIntType intType => IntProblem(owner, bitOffset, intType),
            BtfFloatType => FloatProblem(owner, bitOffset, size),
            _ when bitOffset % 8 != 0 => "Member is not byte aligned",
            _ => Exceeds(owner, bitOffset / 8, size),
        };
    }

    /// <summary>A plain INT member may start mid-byte (the INT's own bit offset adds to the member's); it must fit.</summary>
    private static string? IntProblem(BtfCompositeType owner, long bitOffset, BtfIntType intType)
    {
        long start = bitOffset + intType.BitOffset;
        long copyBits = intType.Bits + (start % 8);
        return copyBits > 128 ? "nr_copy_bits exceeds 128" : Exceeds(owner, start / 8, (ulong)((copyBits + 7) / 8));
    }

    private static string? KindFlagIntProblem(BtfCompositeType owner, BtfMember member, BtfIntType intType)
    {
        if (!BtfTypeSizes.IsRegularInt(intType))
        {
            return "Invalid member base type";
        }

        long bits = member.BitfieldSize;
        if (bits == 0)
        {
            if (member.BitOffset % 8 != 0)
            {
                return "Invalid member offset";
            }

            bits = intType.Bits;
        }
        else if (bits > intType.Bits)
        {
            return "Invalid member bitfield_size";
        }

        long copyBits = bits + (member.BitOffset % 8);
        return copyBits > 128 ? "nr_copy_bits exceeds 128" : Exceeds(owner, member.BitOffset / 8, (ulong)((copyBits + 7) / 8));
    }

    /// <summary>Enum bitfields are limited to an int's 32 bits (the kernel uses sizeof(int) even for ENUM64).</summary>
    private static string? KindFlagEnumProblem(BtfCompositeType owner, BtfMember member)
    {
        long bits = member.BitfieldSize;
        if (bits == 0)
        {
            if (member.BitOffset % 8 != 0)
            {
                return "Member is not byte aligned";
            }

            bits = 32;
        }
        else if (bits > 32)
        {
            return "Invalid member bitfield_size";
        }

        return (member.BitOffset + bits + 7) / 8 > owner.Size ? "Member exceeds struct_size" : null;
    }

    /// <summary>Floats are aligned to their size, at most 8 bytes, so CO-RE'd types stay valid on every architecture.</summary>
    private static string? FloatProblem(BtfCompositeType owner, long bitOffset, ulong size)
    {
        long alignBits = (long)Math.Min(8, size) * 8;
        if (alignBits != 0 && bitOffset % alignBits != 0)
        {
            return "Member is not properly aligned";
        }

        return Exceeds(owner, bitOffset / 8, size);
    }

    private static string? Exceeds(BtfCompositeType owner, long byteOffset, ulong size) =>
        byteOffset > owner.Size || (ulong)(owner.Size - byteOffset) < size ? "Member exceeds struct_size" : null;
}
