using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Tests.Btf;

/// <summary>An anonymous type in an error is placed by what holds it, as the user wrote it.</summary>
[TestClass]
public sealed class BtfOwnersTests
{
    /// <summary>A BTF-style map: VAR 'COUNTS' → anonymous struct → member max_entries → PTR → ARRAY of 0xffffffff.</summary>
    [TestMethod]
    public void AMapsMaxEntriesArray_IsHeldByTheMapsVariable_AtThatMember()
    {
        var b = new BtfBuilder();
        uint integer = b.Int();
        uint entries = b.Array(integer, integer, 0xffffffff);
        uint type = b.Array(integer, integer, 2);
        uint map = b.Struct("", 16, ("type", b.Ptr(type), 0), ("max_entries", b.Ptr(entries), 64));
        uint counts = b.Var("COUNTS", map);
        b.Datasec(".maps", 16, (counts, 0, 16));

        var owner = BtfOwners.Find(b.Read(), entries);

        Assert.IsNotNull(owner);
        Assert.AreEqual(("COUNTS", "max_entries"), (owner.Value.Owner.Name, owner.Value.Member));
        Assert.IsInstanceOfType<BtfVarType>(owner.Value.Owner);
    }

    [TestMethod]
    public void ANamedStructsMember_HoldsTheAnonymousTypeItUses()
    {
        var b = new BtfBuilder();
        uint integer = b.Int();
        uint buffer = b.Array(integer, integer, 8);
        b.Struct("packet", 32, ("words", buffer, 0));

        var owner = BtfOwners.Find(b.Read(), buffer);

        Assert.AreEqual(("packet", "words"), (owner?.Owner.Name, owner?.Member));
    }

    [TestMethod]
    public void ATypeNothingHolds_HasNoOwner()
    {
        var b = new BtfBuilder();
        uint loose = b.Array(b.Int(), 1, 4);

        Assert.IsNull(BtfOwners.Find(b.Read(), loose));
    }
}
