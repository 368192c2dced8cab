using System.Security.Cryptography;
using System.Text;
using Aya.Bpf.Linker.DebugInfo;

namespace Aya.Bpf.Tests.DebugInfo;

[TestClass]
public sealed class BtfNameSanitizerTests
{
    [TestMethod]
    [DataRow("Wrapper<u8>", "Wrapper_u8")]
    [DataRow("Pair<type_zoo::Wrapper<u16>, type_zoo::Inner>", "Pair_Wrapper_u16_Inner")]
    [DataRow("Pair<type_zoo::Wrapper<u16>, core::option::Option<u8>>", "Pair_Wrapper_u16_Option_u8")]
    [DataRow("a::b::C", "C")]
    [DataRow("generic_identity<type_zoo::Wrapper<u8>>", "generic_identity_Wrapper_u8")]
    [DataRow("()", "unit")]
    [DataRow("(u8, u32)", "tuple_u8_u32")]
    [DataRow("&[u8]", "ref_slice_u8")]
    [DataRow("&mut [u16; 3]", "mut_ref_array_u16_3")]
    [DataRow("*const u8", "const_ptr_u8")]
    [DataRow("*mut u8", "mut_ptr_u8")]
    [DataRow("&dyn type_zoo::Area", "ref_dyn_Area")]
    [DataRow("dyn A + B", "dyn_A_B")]
    [DataRow("{closure#0}", "closure_0")]
    [DataRow("type_zoo::type_zoo::{closure_env#0}<u8>", "closure_env_0_u8")]
    [DataRow("<type_zoo::Inner as type_zoo::Area>::{vtable_type}", "Inner_as_Area_vtable_type")]
    [DataRow("<T as Trait>::Output", "T_as_Trait_Output")]
    [DataRow("core::fmt::{impl#3}", "impl_3")]
    [DataRow("Option<&type_zoo::Inner>", "Option_ref_Inner")]
    [DataRow("r#type", "type")]
    [DataRow("Wrapper<r#type>", "Wrapper_type")]
    [DataRow("PhantomData<u64>", "PhantomData_u64")]
    [DataRow("!", "never")]
    [DataRow("Ref<'a, u8>", "Ref_u8")]
    [DataRow("&'static mut str", "mut_ref_str")]
    [DataRow("[[u8; 4]; 2]", "array_array_u8_4_2")]
    [DataRow("&[[u8; 4]]", "ref_slice_array_u8_4")]
    [DataRow("fn(u8) -> u32", "fn_u8_u32")]
    [DataRow("Vec::<u8>", "Vec_u8")]
    [DataRow("_Foo<u8>", "_Foo_u8")]
    [DataRow("__0<x>", "__0_x")]
    [DataRow("Größe<u8>", "Gr_e_u8")]
    [DataRow("", "anon")]
    [DataRow("'a", "anon")]
    [DataRow("0", "_0")]
    public void RewritesRustNames(string name, string expected)
    {
        string sanitized = BtfNameSanitizer.Sanitize(name);

        Assert.AreEqual(expected, sanitized);
        Assert.IsTrue(BtfNameSanitizer.IsValid(sanitized), sanitized);
    }

    [TestMethod]
    [DataRow("u8")]
    [DataRow("__0")]
    [DataRow("_")]
    [DataRow("Wrapper_u8")]
    public void ValidNamesComeBackAsTheSameInstance(string name)
    {
        Assert.AreSame(name, BtfNameSanitizer.Sanitize(name));
    }

    [TestMethod]
    [DataRow("<>")]
    [DataRow("::")]
    [DataRow("___<x>")]
    [DataRow("<_>")]
    [DataRow("r#")]
    [DataRow("&&&")]
    [DataRow("[u8; 4")]
    [DataRow("(((")]
    [DataRow("🦀<🦀>")]
    [DataRow("1st<2nd>")]
    [DataRow("a\u0000b")]
    [DataRow("{closure#0}::{closure#1}")]
    public void EveryOutputIsValid(string name)
    {
        Assert.IsTrue(BtfNameSanitizer.IsValid(BtfNameSanitizer.Sanitize(name)), name);
    }

    [TestMethod]
    public void LongNamesAreShortenedDeterministicallyAndStayDistinct()
    {
        string first = LongName("AA");
        string second = LongName("AB");
        Assert.AreEqual(300, first.Length);

        string sanitized = BtfNameSanitizer.Sanitize(first);
        string other = BtfNameSanitizer.Sanitize(second);

        Assert.IsLessThanOrEqualTo(BtfNameSanitizer.MaxLength, sanitized.Length);
        Assert.IsTrue(BtfNameSanitizer.IsValid(sanitized), sanitized);
        Assert.AreEqual(sanitized, BtfNameSanitizer.Sanitize(first));
        Assert.AreNotEqual(sanitized, other);
        Assert.StartsWith("Pair_Wrapper_u16_Wrapper_u16", sanitized);
        // The suffix is fixed by the original name alone, so every machine produces the same BTF.
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(first)), 0, 8);
        Assert.EndsWith("_" + hash, sanitized);
    }

    [TestMethod]
    public void NamesOfExactlyMaxLengthAreKept()
    {
        string name = "_" + new string('a', BtfNameSanitizer.MaxLength - 1);

        Assert.IsTrue(BtfNameSanitizer.IsValid(name));
        Assert.AreSame(name, BtfNameSanitizer.Sanitize(name));
    }

    [TestMethod]
    public void ValidButTooLongNamesAreShortened()
    {
        string name = new('a', BtfNameSanitizer.MaxLength + 1);

        string sanitized = BtfNameSanitizer.Sanitize(name);

        Assert.IsTrue(BtfNameSanitizer.IsValid(sanitized), sanitized);
        Assert.AreNotEqual(name, sanitized);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("1abc")]
    [DataRow("naïve")]
    [DataRow("Wrapper<u8>")]
    [DataRow("a b")]
    public void IsValidRejectsNonIdentifiers(string name)
    {
        Assert.IsFalse(BtfNameSanitizer.IsValid(name));
    }

    [TestMethod]
    public void IsValidRejectsNamesLongerThanMaxLength()
    {
        Assert.IsFalse(BtfNameSanitizer.IsValid(new string('a', BtfNameSanitizer.MaxLength + 1)));
    }

    private static string LongName(string suffix)
    {
        // 5 + 12 * 24 + 4 + 2 + 1 = 300 characters; sanitized, 155, still too long.
        string fields = string.Concat(Enumerable.Repeat("type_zoo::Wrapper<u16>, ", 12));
        return $"Pair<{fields}Tail{suffix}>";
    }
}
