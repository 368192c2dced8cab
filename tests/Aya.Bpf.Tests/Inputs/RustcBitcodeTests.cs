using Aya.Bpf.Linker.Inputs;

namespace Aya.Bpf.Tests.Inputs;

/// <summary>Real bitcode from the Rust toolchain: what the linker meets in practice.</summary>
[TestClass]
public sealed class RustcBitcodeTests
{
    // The smallest no_core crate with a function: a function needs the Sized lang item, which since
    // rustc 1.89 sits under MetaSized and PointeeSized. No drop_in_place: nightly rejects it.
    private const string NoCoreSource = """
        #![feature(no_core, lang_items)]
        #![allow(internal_features)]
        #![no_core]

        #[lang = "pointee_sized"]
        pub trait PointeeSized {}
        #[lang = "meta_sized"]
        pub trait MetaSized: PointeeSized {}
        #[lang = "sized"]
        pub trait Sized: MetaSized {}

        pub fn f() {}
        """;

    [TestMethod]
    public void ProducerOfRustcBitcodeMatchesRustcsLlvm()
    {
        var rustc = Rustc.Require();
        using var scratch = new InputScratch();
        var source = Path.Combine(scratch.Directory, "x.rs");
        File.WriteAllText(source, NoCoreSource);
        var output = Path.Combine(scratch.Directory, "x.bc");

        rustc.Compile(scratch.Directory, "--target", "bpfel-unknown-none", "--crate-type", "lib", "--emit=llvm-bc", "-o", output, source);

        var blob = Assert.ContainsSingle(scratch.Collect(output));
        Assert.IsEmpty(scratch.Log.Reported);
        var producer = BitcodeProducer.TryRead(blob.Content.Span);
        Assert.IsNotNull(producer);
        Assert.StartsWith("LLVM", producer);
        Assert.AreEqual(rustc.LlvmVersion, BitcodeProducer.TryParseLlvmVersion(producer), producer);
    }

    [TestMethod]
    public void BpfRlibYieldsItsBitcodeAndSkipsMetadata()
    {
        var rustc = Rustc.Require();
        using var scratch = new InputScratch();
        var source = Path.Combine(scratch.Directory, "probe.rs");
        File.WriteAllText(source, NoCoreSource);
        var rlib = Path.Combine(scratch.Directory, "libprobe.rlib");

        rustc.Compile(scratch.Directory, "--target", "bpfel-unknown-none", "--crate-type", "rlib", "--crate-name", "probe", "-o", rlib, source);

        var blobs = scratch.Collect(rlib);
        Assert.IsEmpty(scratch.Log.Reported);
        Assert.IsNotEmpty(blobs);
        foreach (var blob in blobs)
        {
            Assert.StartsWith($"{rlib}(", blob.Origin);
            Assert.AreEqual(rustc.LlvmVersion, BitcodeProducer.TryParseLlvmVersion(BitcodeProducer.TryRead(blob.Content.Span) ?? ""), blob.Origin);
        }

        Assert.Contains($"{rlib}(lib.rmeta): skipped", scratch.Output.ToString());
    }

    [TestMethod]
    public void HostLibcoreCarriesBitcodeInLlvmbcSections()
    {
        var rustc = Rustc.Require();
        var libcore = rustc.HostLibcore();
        using var scratch = new InputScratch();

        var blobs = scratch.Collect(libcore);

        Assert.IsEmpty(scratch.Log.Reported);
        Assert.IsNotEmpty(blobs);
        foreach (var blob in blobs)
        {
            Assert.AreEqual(rustc.LlvmVersion, BitcodeProducer.TryParseLlvmVersion(BitcodeProducer.TryRead(blob.Content.Span) ?? ""), blob.Origin);
        }
    }
}
