namespace Aya.Bpf.Linker.Diagnostics;

/// <summary>Stable codes of the linker's diagnostics; the README lists each with what to do.</summary>
internal static class DiagnosticCodes
{
    public const string UsageError = "BPF2000";
    public const string LlvmNotLoadable = "BPF2001";
    public const string InputMissing = "BPF2002";
    public const string InputCorrupt = "BPF2003";
    public const string BitcodeFromNewerLlvm = "BPF2004";
    public const string InputHasNoBitcode = "BPF2005";
    public const string LinkFailed = "BPF2006";
    public const string LlvmError = "BPF2007";
    public const string LlvmFatal = "BPF2008";
    public const string NoEntryPoints = "BPF2009";
    public const string InvalidModule = "BPF2010";
    public const string UndefinedSymbol = "BPF2011";
    public const string CodegenFailed = "BPF2012";
    public const string LlvmWarning = "BPF2013";
    public const string HostInlineAsm = "BPF2014";
    public const string HostIntrinsic = "BPF2015";
    public const string AggregateByValue = "BPF2016";
    public const string PanicReachable = "BPF2017";
    public const string AsmRefused = "BPF2018";
    public const string StackLimitExceeded = "BPF2019";
    /// <summary>BpfCpu or a BpfCpuFeatures entry the BPF backend does not know (LLVM would ignore it).</summary>
    public const string TargetChoiceUnknown = "BPF2020";
    /// <summary>The object could not be written (disk full, no permission); no partial file is left.</summary>
    public const string OutputNotWritten = "BPF2021";
    /// <summary>The libLLVM lacks functions the linker calls: another LLVM than a Rust toolchain's of the versions we support.</summary>
    public const string LlvmIncompatible = "BPF2022";
    /// <summary>An input's bitcode is for another target than BPF (and not a host build's Rust, which is retargeted).</summary>
    public const string BitcodeForOtherTarget = "BPF2023";
    /// <summary>A call with more than five arguments, or a function taking more: BPF passes arguments in R1-R5 only.</summary>
    public const string TooManyArguments = "BPF2024";
    /// <summary>A function whose jumps span more than BPF's 16-bit instruction offsets.</summary>
    public const string FunctionTooLarge = "BPF2025";
    public const string BtfInvalid = "BPF3001";
    public const string BtfExtInvalid = "BPF3002";
    public const string BtfMissing = "BPF3003";
    /// <summary>A .BTF.ext CO-RE record libbpf would refuse (bad kind, type or access string) or skip (no such instruction).</summary>
    public const string CoreRelocationInvalid = "BPF3004";
    public const string MapDefinitionUnreadable = "BPF4001";
    public const string MapTypesContradictSizes = "BPF4002";
    public const string MapInvalid = "BPF4003";
    public const string GplRestricted = "BPF5001";
    public const string LicenseDeclaredTwice = "BPF5002";
    public const string MapNameTruncated = "BPF4004";
    /// <summary>A map named (export_name, aya's #[map(name = ...)]) with a name BTF cannot carry.</summary>
    public const string MapNameInvalid = "BPF4005";
    /// <summary>The skeleton of an object cannot be written: the object is not readable, or carries no BTF.</summary>
    public const string SkeletonUnreadable = "BPF6001";
    /// <summary>The kernel BTF that BpfKernelType items are read from cannot be read.</summary>
    public const string KernelTypesUnavailable = "BPF7001";
    /// <summary>A BpfKernelType names no struct, union, enum or typedef of the kernel BTF.</summary>
    public const string KernelTypeNotFound = "BPF7002";
    /// <summary>A relocatable access (core_field!, core_read!...) that cannot be written as a CO-RE relocation.</summary>
    public const string CoreAccessNotRelocatable = "BPF7003";
}
