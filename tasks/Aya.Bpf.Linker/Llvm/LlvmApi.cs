using System.Runtime.InteropServices;

namespace Aya.Bpf.Linker.Llvm;

/// <summary>
/// The part of LLVM's C API the linker uses. "LLVM" is not a real file name: <see cref="LlvmLibrary"/>
/// resolves it at run time to the libLLVM of the Rust toolchain that wrote the bitcode.
/// Raw handles stay inside this folder; callers use the SafeHandle wrappers.
/// </summary>
internal static unsafe partial class LlvmApi
{
    public const string Library = "LLVM";

    [LibraryImport(Library)] public static partial void LLVMGetVersion(out uint major, out uint minor, out uint patch);
    [LibraryImport(Library)] public static partial void LLVMDisposeMessage(nint message);
    [LibraryImport(Library)] public static partial void LLVMParseCommandLineOptions(int argc, nint* argv, nint overview);

    [LibraryImport(Library)] public static partial nint LLVMContextCreate();
    [LibraryImport(Library)] public static partial void LLVMContextDispose(nint context);
    [LibraryImport(Library)] public static partial void LLVMContextSetDiagnosticHandler(nint context, delegate* unmanaged<nint, nint, void> handler, nint state);
    [LibraryImport(Library)] public static partial int LLVMGetDiagInfoSeverity(nint info);
    [LibraryImport(Library)] public static partial nint LLVMGetDiagInfoDescription(nint info);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint LLVMCreateMemoryBufferWithMemoryRangeCopy(byte* data, nuint length, string name);
    [LibraryImport(Library)] public static partial void LLVMDisposeMemoryBuffer(nint buffer);
    [LibraryImport(Library)] public static partial nint LLVMGetBufferStart(nint buffer);
    [LibraryImport(Library)] public static partial nuint LLVMGetBufferSize(nint buffer);

    [LibraryImport(Library)] public static partial int LLVMParseBitcodeInContext2(nint context, nint buffer, out nint module);
    /// <remarks>Takes ownership of <paramref name="buffer"/>, whatever the outcome.</remarks>
    [LibraryImport(Library)] public static partial int LLVMParseIRInContext(nint context, nint buffer, out nint module, out nint message);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint LLVMModuleCreateWithNameInContext(string name, nint context);
    [LibraryImport(Library)] public static partial void LLVMDisposeModule(nint module);
    /// <remarks>Destroys <paramref name="source"/>, whatever the outcome.</remarks>
    [LibraryImport(Library)] public static partial int LLVMLinkModules2(nint destination, nint source);
    [LibraryImport(Library)] public static partial int LLVMVerifyModule(nint module, int action, out nint message);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void LLVMSetTarget(nint module, string triple);
    [LibraryImport(Library)] public static partial nint LLVMGetTarget(nint module);
    [LibraryImport(Library)] public static partial void LLVMSetModuleDataLayout(nint module, nint dataLayout);

    [LibraryImport(Library)] public static partial nint LLVMGetFirstFunction(nint module);
    [LibraryImport(Library)] public static partial nint LLVMGetNextFunction(nint function);
    [LibraryImport(Library)] public static partial nint LLVMGetFirstGlobal(nint module);
    [LibraryImport(Library)] public static partial nint LLVMGetNextGlobal(nint global);
    [LibraryImport(Library)] public static partial nint LLVMGetFirstGlobalAlias(nint module);
    [LibraryImport(Library)] public static partial nint LLVMGetNextGlobalAlias(nint alias);
    [LibraryImport(Library)] public static partial nint LLVMGetValueName2(nint value, out nuint length);
    [LibraryImport(Library)] public static partial int LLVMIsDeclaration(nint global);
    [LibraryImport(Library)] public static partial int LLVMGetLinkage(nint global);
    [LibraryImport(Library)] public static partial void LLVMSetLinkage(nint global, int linkage);
    [LibraryImport(Library)] public static partial void LLVMSetVisibility(nint global, int visibility);
    [LibraryImport(Library)] public static partial nint LLVMGetSection(nint global);
    [LibraryImport(Library)] public static partial nint LLVMGetFirstUse(nint value);

    [LibraryImport(Library)] public static partial void LLVMInitializeBPFTargetInfo();
    [LibraryImport(Library)] public static partial void LLVMInitializeBPFTarget();
    [LibraryImport(Library)] public static partial void LLVMInitializeBPFTargetMC();
    [LibraryImport(Library)] public static partial void LLVMInitializeBPFAsmPrinter();
    [LibraryImport(Library)] public static partial void LLVMInitializeBPFAsmParser();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LLVMGetTargetFromTriple(string triple, out nint target, out nint message);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint LLVMCreateTargetMachine(nint target, string triple, string cpu, string features, int level, int reloc, int codeModel);
    [LibraryImport(Library)] public static partial void LLVMDisposeTargetMachine(nint machine);
    [LibraryImport(Library)] public static partial nint LLVMCreateTargetDataLayout(nint machine);
    [LibraryImport(Library)] public static partial void LLVMDisposeTargetData(nint dataLayout);
    [LibraryImport(Library)] public static partial int LLVMTargetMachineEmitToMemoryBuffer(nint machine, nint module, int fileType, out nint message, out nint buffer);

    [LibraryImport(Library)] public static partial nint LLVMCreatePassBuilderOptions();
    [LibraryImport(Library)] public static partial void LLVMDisposePassBuilderOptions(nint options);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint LLVMRunPasses(nint module, string passes, nint machine, nint options);
    [LibraryImport(Library)] public static partial nint LLVMGetErrorMessage(nint error);
    [LibraryImport(Library)] public static partial void LLVMDisposeErrorMessage(nint message);
}

internal static unsafe partial class LlvmApi
{
    public const uint FunctionAttributeIndex = uint.MaxValue;

    [LibraryImport(Library)] public static partial void LLVMInstallFatalErrorHandler(delegate* unmanaged<nint, void> handler);
    [LibraryImport(Library)] public static partial void LLVMRemoveStringAttributeAtIndex(nint function, uint index, byte* key, uint keyLength);
}
