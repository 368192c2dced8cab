using System.Globalization;
using Aya.Bpf.Tests.DebugInfo;
using Aya.Bpf.Tests.Integration;
using Aya.Bpf.Tests.Kernel.Libbpf;
using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.Kernel;

/// <summary>
/// The BPF definitions of memcmp, bcmp, memset and memmove compute what C says they do, run in the
/// kernel: XDP programs whose verdict is what a call returned or left in memory. Lengths pass
/// through an empty asm, so the optimiser cannot fold the call or expand it inline and the program
/// really calls the linker's definition; the verifier still sees the constant.
/// </summary>
[TestClass]
public sealed class MemoryBuiltinsRunTests : PipelineTests
{
    // What a compare program returns for the sign of the result.
    private const long Negative = 1;
    private const long Zero = 0;
    private const long Positive = 2;

    // Two 8-byte values that first differ in byte 5 (0x66 against 0x67); the bytes after it differ
    // the other way, so only the first difference may decide.
    private const ulong Lower = 0x1077_6655_4433_2211;
    private const ulong Higher = 0xff00_6755_4433_2211;

    // Bytes 01 02 ... 08 in memory.
    private const ulong Counting = 0x0807_0605_0403_0201;

    // The name of each program, and its body.
    private static readonly (string Name, string Body)[] s_programs =
    [
        ("memcmp_lower", Compare("memcmp", Lower, Higher)),
        ("memcmp_higher", Compare("memcmp", Higher, Lower)),
        ("memcmp_equal", Compare("memcmp", Lower, Lower)),
        ("bcmp_unequal", Compare("bcmp", Higher, Lower)),
        ("bcmp_equal", Compare("bcmp", Higher, Higher)),
        // 0x11 everywhere, then 0x5a into bytes 0-4: bytes 3-6 are 5a 5a 11 11.
        ("memset_byte", Fill(0x1111_1111_1111_1111, "call void @llvm.memset.p0.i64(ptr align 1 %a, i8 90, i64 %n, i1 false)", offset: 3, length: 5)),
        // 01..08, then bytes 0-3 moved up one: 01 01 02 03 04 06 07 08, bytes 2-5 are 02 03 04 06.
        ("memmove_up", Fill(Counting, "call void @llvm.memmove.p0.p0.i64(ptr align 1 %a1, ptr align 1 %a, i64 %n, i1 false)", offset: 2, length: 4)),
        // 01..08, then bytes 1-4 moved down one: 02 03 04 05 05 06 07 08, bytes 0-3 are 02 03 04 05.
        ("memmove_down", Fill(Counting, "call void @llvm.memmove.p0.p0.i64(ptr align 1 %a, ptr align 1 %a1, i64 %n, i1 false)", offset: 0, length: 4)),
    ];

    [TestMethod]
    [TestCategory("Kernel")]
    [DataRow("memcmp_lower", Negative)]
    [DataRow("memcmp_higher", Positive)]
    [DataRow("memcmp_equal", Zero)]
    [DataRow("bcmp_unequal", Positive)]
    [DataRow("bcmp_equal", Zero)]
    [DataRow("memset_byte", 0x1111_5a5aL)]
    [DataRow("memmove_up", 0x0604_0302L)]
    [DataRow("memmove_down", 0x0504_0302L)]
    public void TheDefinitionComputesWhatCSays(string program, long expected)
    {
        RequiredTool.BpfPrivileges();
        var (ok, log, output) = Link(Module());
        Assert.IsTrue(ok, string.Join("\n", log.Reported));
        foreach (var function in new[] { "memcmp", "bcmp", "memset", "memmove" })
            Assert.IsNotNull(ElfObjectHeader.Symbol(output, function), $"{function}: the linker's own definition is what runs");

        using var loaded = LibbpfObject.Open(output);
        Assert.AreEqual(0, loaded.Load(), loaded.Log);

        var returned = loaded.Run(program, TestPackets.Ipv4Tcp(goodChecksum: true));
        Assert.AreEqual(expected, returned, $"{program} returned 0x{returned:x}");
    }

    // Compares two stack slots: 1 for a negative result, 2 for a positive one, 0 for none (bcmp's
    // any difference is positive).
    private static string Compare(string function, ulong a, ulong b) => string.Create(CultureInfo.InvariantCulture, $$"""
          %a = alloca [8 x i8], align 8
          %b = alloca [8 x i8], align 8
          store i64 {{a}}, ptr %a, align 8
          store i64 {{b}}, ptr %b, align 8
          call void asm sideeffect "", "r,r,~{memory}"(ptr %a, ptr %b)
          {{OpaqueLength(8)}}
          %r = call i32 @{{function}}(ptr %a, ptr %b, i64 %n)
          %negative = icmp slt i32 %r, 0
          %nonzero = icmp ne i32 %r, 0
          %sign = select i1 %nonzero, i32 2, i32 0
          %v = select i1 %negative, i32 1, i32 %sign
          ret i32 %v
        """);

    // Stores <paramref name="initial"/> in the packet's first 8 bytes (%a, and %a1 one byte on), makes
    // the call with %n <paramref name="length"/>, and returns the 4 bytes at <paramref name="offset"/>.
    // Packet, not stack: the verifier refuses a function that returns a stack pointer, as memset does.
    private static string Fill(ulong initial, string call, int offset, int length) => string.Create(CultureInfo.InvariantCulture, $$"""
          %data = load i32, ptr %ctx, align 4
          %at_end = getelementptr i8, ptr %ctx, i64 4
          %data_end = load i32, ptr %at_end, align 4
          %a = inttoptr i32 %data to ptr
          %end = inttoptr i32 %data_end to ptr
          %a1 = getelementptr i8, ptr %a, i64 1
          %a8 = getelementptr i8, ptr %a, i64 8
          %short = icmp ugt ptr %a8, %end
          br i1 %short, label %drop, label %fill
        drop:
          ret i32 1
        fill:
          store i64 {{initial}}, ptr %a, align 1
          call void asm sideeffect "", "r,~{memory}"(ptr %a)
          {{OpaqueLength(length)}}
          {{call}}
          call void asm sideeffect "", "r,~{memory}"(ptr %a)
          %at = getelementptr i8, ptr %a, i64 {{offset}}
          %v = load i32, ptr %at, align 1
          ret i32 %v
        """);

    // A length the optimiser cannot see, so it neither folds nor expands the call; the verifier can.
    private static string OpaqueLength(int length) => string.Create(CultureInfo.InvariantCulture,
        $$"""%n = call i64 asm sideeffect "", "=r,0"(i64 {{length}})""");

    private static string Module()
    {
        var text = new System.Text.StringBuilder("""
            target triple = "bpfel"
            declare i32 @memcmp(ptr, ptr, i64)
            declare i32 @bcmp(ptr, ptr, i64)
            declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)
            declare void @llvm.memmove.p0.p0.i64(ptr, ptr, i64, i1)
            @LICENSE = global [4 x i8] c"GPL\00", section "license"

            """);
        for (var i = 0; i < s_programs.Length; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $$"""
                define i32 @{{s_programs[i].Name}}(ptr %ctx) section "xdp" !dbg !{{10 + i}} {
                {{s_programs[i].Body}}
                }
                """);
        }
        text.AppendLine(DebugIr.CompileUnit);
        text.AppendLine("!5 = !DISubroutineType(types: !{!3})");
        for (var i = 0; i < s_programs.Length; i++)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"!{10 + i} = distinct !DISubprogram(name: \"{s_programs[i].Name}\", scope: !1, file: !1, line: {i + 1}, type: !5, scopeLine: {i + 1}, spFlags: DISPFlagDefinition, unit: !0)");
        return text.ToString();
    }
}
