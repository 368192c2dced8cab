using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Linker.KernelTypes;
using Aya.Bpf.Tests.Btf;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.KernelTypes;

/// <summary>
/// Rust bindings for kernel types: every kind the kernel's BTF has (bitfields, unions, anonymous
/// members, packed and over-aligned structs, flexible arrays, enums, typedefs, keywords as names)
/// written so that rustc's layout equals BTF's, which rustc itself checks when it compiles them.
/// </summary>
[TestClass]
public sealed class KernelTypesWriterTests
{
    [TestMethod]
    public void EveryKind_CompilesWithRustcCheckingEachSizeAndOffset()
    {
        var bindings = Write(EveryKind(), "zoo_t", "packet");

        ProcessResult compiled = RustBindingsCheck.Compile(bindings,
            "pub fn read(z: &vmlinux::zoo_t) -> u32 { z.r#type + z.count as u32 }\npub const OK: vmlinux::kind = vmlinux::KIND_TWO;");

        Assert.AreEqual(0, compiled.ExitCode, $"{compiled.Output}{Environment.NewLine}{bindings}");
    }

    [TestMethod]
    public void EveryKind_IsWrittenAsTheKernelNamesIt()
    {
        var bindings = Write(EveryKind(), "zoo_t", "packet");

        StringAssert.Contains(bindings, "pub r#type: u32,", "a keyword as a raw identifier");
        StringAssert.Contains(bindings, "pub self_: u8,", "self cannot be raw");
        StringAssert.Contains(bindings, "pub struct zoo_t {", "the anonymous struct takes its typedef's name");
        StringAssert.Contains(bindings, "#[repr(C, packed)]\n    #[derive(Copy, Clone)]\n    pub struct packet {", "a member below its alignment makes the struct packed");
        StringAssert.Contains(bindings, "pub __anon_0: zoo_t__anon_0,", "an anonymous union member and its type");
        StringAssert.Contains(bindings, "/// The bytes of bitfields lo, hi.\n        pub _bitfield_1: [u8; 1],", "two bitfields share their byte");
        StringAssert.Contains(bindings, "pub tail: [u32; 0],", "a flexible array");
        StringAssert.Contains(bindings, "pub next: *mut list_head,");
        StringAssert.Contains(bindings, "pub struct list_head {\n        _opaque: [u8; 0],", "reached only through a pointer: opaque");
        StringAssert.Contains(bindings, "pub callback: *mut core::ffi::c_void,", "a function pointer");
        StringAssert.Contains(bindings, "pub type kind = i32;\n");
        StringAssert.Contains(bindings, "pub const KIND_MINUS: kind = -1;");
        Assert.DoesNotContain("pub type u32", bindings, "the kernel's u32 is Rust's");
        StringAssert.Contains(bindings, "const _: () = assert!(core::mem::size_of::<zoo_t>() == 64);");
        StringAssert.Contains(bindings, "const _: () = assert!(core::mem::offset_of!(zoo_t, count) == 16);");
    }

    [TestMethod]
    public void ATypeTheBtfLacks_IsNamed()
    {
        var b = new BtfBuilder();
        b.Struct("present", 4, ("x", b.Int("u32", 4, 32, 0), 0));

        Assert.IsNull(KernelTypesWriter.Write(b.Read(), ["present", "absent", "also_absent"], "test", out var missing));
        CollectionAssert.AreEqual(new[] { "absent", "also_absent" }, missing.ToArray());
    }

    [TestMethod]
    [TestCategory("Kernel")]
    public void RunningKernelsTaskStructSkBuffAndXdpMd_CompileWithEveryLayoutCheck()
    {
        RequiredTool.CargoPath();
        string vmlinux = RequiredTool.KernelBtf();
        Assert.IsTrue(BtfReader.TryRead(File.ReadAllBytes(vmlinux), out var btf, out var error), $"{error}");

        var bindings = KernelTypesWriter.Write(btf!, ["task_struct", "sk_buff", "xdp_md", "__sk_buff", "pt_regs"], vmlinux, out var missing);

        Assert.IsNotNull(bindings, string.Join(", ", missing));
        Assert.IsGreaterThan(500, bindings.Split("assert!(").Length, "a size and offset check per member of every struct held by value");
        ProcessResult compiled = RustBindingsCheck.Compile(bindings, "pub fn pid(t: &vmlinux::task_struct) -> i32 { t.pid }");
        Assert.AreEqual(0, compiled.ExitCode, compiled.Output);
    }

    private static string Write(BtfData btf, params string[] names)
    {
        var bindings = KernelTypesWriter.Write(btf, names, "test", out var missing);
        Assert.IsNotNull(bindings, string.Join(", ", missing));
        return bindings;
    }

    // typedef struct { u32 type; union { u64 wide; u8 narrow[3]; }; u64 count; u8 lo:3, hi:5; u8 self;
    //   kind k; struct list_head *next; void (*callback)(void); u8 pad_gap at 40; u32 tail[]; } zoo_t,
    // in 64 bytes (over-aligned: the tail pads it); struct packet { u8 tag; u32 value; } packed, 5 bytes.
    private static BtfData EveryKind()
    {
        var b = new BtfBuilder();
        uint u8 = b.Int("unsigned char", 1, 8, 0), u32 = b.Int("unsigned int", 4, 32, 0), u64 = b.Int("unsigned long long", 8, 64, 0);
        uint u32Alias = b.Typedef("u32", u32);
        uint index = b.Int("__ARRAY_SIZE_TYPE__", 4, 32, 0);
        uint kind = b.Enum("kind", 4, signed: true, ("KIND_ONE", 1), ("KIND_TWO", 2), ("KIND_MINUS", -1));
        uint list = b.Fwd("list_head");
        uint listPointer = b.Ptr(list);
        uint proto = b.Proto(0);
        uint callback = b.Ptr(proto);
        uint narrow = b.Array(u8, index, 3);
        uint either = b.Union("", 8, ("wide", u64, 0), ("narrow", narrow, 0));
        uint tail = b.Array(u32, index, 0);
        uint zoo = b.Add("", BtfKind.Struct, 10, kindFlag: true, 64,
            b.Str("type"), u32Alias, 0, b.Str(""), either, 64, b.Str("count"), u64, 128,
            b.Str("lo"), u8, (3u << 24) | 192, b.Str("hi"), u8, (5u << 24) | 195, b.Str("self"), u8, 200,
            b.Str("k"), kind, 224, b.Str("next"), listPointer, 256, b.Str("callback"), callback, 320, b.Str("tail"), tail, 384);
        b.Typedef("zoo_t", zoo);
        b.Struct("packet", 5, ("tag", u8, 0), ("value", u32, 8));
        return b.Read();
    }
}
