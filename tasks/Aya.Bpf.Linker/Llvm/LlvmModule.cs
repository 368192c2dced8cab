namespace Aya.Bpf.Linker.Llvm;

/// <summary>An LLVM module owned by the linker. Modules belong to one <see cref="LlvmContext"/>.</summary>
internal sealed class LlvmModule : IDisposable
{
    private readonly ModuleHandle _handle;

    private LlvmModule(ModuleHandle handle) => _handle = handle;

    internal nint Raw => _handle.DangerousGetHandle();

    public static LlvmModule CreateEmpty(LlvmContext context, string name) =>
        new(new ModuleHandle(LlvmApi.LLVMModuleCreateWithNameInContext(name, context.Raw)));

    /// <summary>Parses bitcode or text IR; on failure returns null and LLVM's reason.</summary>
    public static unsafe LlvmModule? TryParse(LlvmContext context, ReadOnlySpan<byte> content, bool isTextIr, string name, out string? error)
    {
        error = null;
        nint module;
        fixed (byte* data = content)
        {
            using var buffer = new MemoryBufferHandle(
                LlvmApi.LLVMCreateMemoryBufferWithMemoryRangeCopy(data, (nuint)content.Length, name));
            if (isTextIr)
            {
                // The IR parser takes the buffer whatever happens.
                var failed = LlvmApi.LLVMParseIRInContext(context.Raw, buffer.Surrender(), out module, out var message) != 0;
                var text = LlvmStrings.TakeMessage(message);
                if (failed)
                {
                    error = text;
                    return null;
                }
            }
            else if (LlvmApi.LLVMParseBitcodeInContext2(context.Raw, buffer.DangerousGetHandle(), out module) != 0)
            {
                error = "the bitcode reader failed";
                return null;
            }
        }
        return new LlvmModule(new ModuleHandle(module));
    }

    /// <summary>Links <paramref name="source"/> into this module; the source is consumed either way.</summary>
    public bool TryLink(LlvmModule source) => LlvmApi.LLVMLinkModules2(Raw, source._handle.Surrender()) == 0;

    public IEnumerable<LlvmGlobal> Functions => Walk(LlvmApi.LLVMGetFirstFunction(Raw), LlvmApi.LLVMGetNextFunction, GlobalKind.Function);

    public IEnumerable<LlvmGlobal> Variables => Walk(LlvmApi.LLVMGetFirstGlobal(Raw), LlvmApi.LLVMGetNextGlobal, GlobalKind.Variable);

    public IEnumerable<LlvmGlobal> Aliases => Walk(LlvmApi.LLVMGetFirstGlobalAlias(Raw), LlvmApi.LLVMGetNextGlobalAlias, GlobalKind.Alias);

    public IEnumerable<LlvmGlobal> Globals => Functions.Concat(Variables).Concat(Aliases);

    /// <summary>The compile units (llvm.dbg.cu): one per source unit linked in.</summary>
    public unsafe IReadOnlyList<LlvmMetadata> CompileUnits(LlvmContext context)
    {
        var name = "llvm.dbg.cu\0"u8;
        fixed (byte* text = name)
        {
            var count = LlvmApi.LLVMGetNamedMetadataNumOperands(Raw, text);
            var units = new nint[count];
            fixed (nint* destination = units)
                LlvmApi.LLVMGetNamedMetadataOperands(Raw, text, destination);
            return [.. units.Select(unit => new LlvmMetadata(context.Raw, LlvmApi.LLVMValueAsMetadata(unit)))];
        }
    }

    /// <summary>
    /// Where debug info starts: the compile units, the subprograms of functions and the debug info
    /// attached to global variables.
    /// </summary>
    public IEnumerable<LlvmMetadata> DebugInfoRoots(LlvmContext context)
    {
        var roots = new List<LlvmMetadata>(CompileUnits(context));
        foreach (var function in Functions)
        {
            var subprogram = LlvmApi.LLVMGetSubprogram(function.Handle);
            if (subprogram != 0)
                roots.Add(new LlvmMetadata(context.Raw, subprogram));
        }
        foreach (var variable in Variables)
            roots.AddRange(variable.Attachments(context).Select(attachment => attachment.Node));
        return roots;
    }

    /// <summary>Adds a zero-initialised global holding <paramref name="pointerCount"/> pointers (a BTF-style map definition).</summary>
    public unsafe LlvmGlobal AddPointerStruct(LlvmContext context, string name, int pointerCount)
    {
        var pointer = LlvmApi.LLVMPointerTypeInContext(context.Raw, 0);
        var fields = Enumerable.Repeat(pointer, pointerCount).ToArray();
        nint type;
        fixed (nint* elements = fields)
            type = LlvmApi.LLVMStructTypeInContext(context.Raw, elements, (uint)fields.Length, 0);
        var global = LlvmApi.LLVMAddGlobal(Raw, type, name);
        LlvmApi.LLVMSetInitializer(global, LlvmApi.LLVMConstNull(type));
        return new LlvmGlobal(global, GlobalKind.Variable);
    }

    /// <summary>Adds a global of external linkage holding exactly <paramref name="bytes"/> (no terminator added), in <paramref name="section"/>.</summary>
    public unsafe LlvmGlobal AddBytes(LlvmContext context, string name, ReadOnlySpan<byte> bytes, string section)
    {
        nint value;
        fixed (byte* text = bytes)
            value = LlvmApi.LLVMConstStringInContext2(context.Raw, text, (nuint)bytes.Length, 1);
        var global = new LlvmGlobal(LlvmApi.LLVMAddGlobal(Raw, LlvmApi.LLVMTypeOf(value), name), GlobalKind.Variable);
        LlvmApi.LLVMSetInitializer(global.Handle, value);
        global.SetSection(section);
        global.SetAlignment(1);
        return global;
    }

    /// <summary>Adds <c>void name(params)</c> whose body calls <paramref name="asm"/> with its parameters.</summary>
    public unsafe void AddFunctionCalling(LlvmContext context, string name, LlvmInlineAsm asm)
    {
        var asmType = asm.FunctionType;
        var count = LlvmApi.LLVMCountParamTypes(asmType);
        var parameters = new nint[count];
        nint function;
        fixed (nint* types = parameters)
        {
            LlvmApi.LLVMGetParamTypes(asmType, types);
            function = LlvmApi.LLVMAddFunction(Raw, name, LlvmApi.LLVMFunctionType(LlvmApi.LLVMVoidTypeInContext(context.Raw), types, count, 0));
        }
        using var builder = new BuilderHandle(LlvmApi.LLVMCreateBuilderInContext(context.Raw));
        LlvmApi.LLVMPositionBuilderAtEnd(builder.DangerousGetHandle(), LlvmApi.LLVMAppendBasicBlockInContext(context.Raw, function, "entry"));
        var arguments = new nint[count];
        for (var i = 0u; i < count; i++)
            arguments[i] = LlvmApi.LLVMGetParam(function, i);
        fixed (nint* args = arguments)
            LlvmApi.LLVMBuildCall2(builder.DangerousGetHandle(), asmType, asm.Handle, args, count, "");
        LlvmApi.LLVMBuildRetVoid(builder.DangerousGetHandle());
    }

    /// <summary>The module-level inline assembly (<c>module asm</c> lines), empty when there is none.</summary>
    public string InlineAsm => LlvmStrings.Borrowed(LlvmApi.LLVMGetModuleInlineAsm(Raw, out var length), length);

    public unsafe void ClearInlineAsm()
    {
        byte empty = 0;
        LlvmApi.LLVMSetModuleInlineAsm2(Raw, &empty, 0);
    }

    public string PrintToText() => LlvmStrings.TakeMessage(LlvmApi.LLVMPrintModuleToString(Raw));

    /// <summary>Returns null when the module is valid, else the verifier's report.</summary>
    public string? Verify()
    {
        const int returnStatus = 2;
        var broken = LlvmApi.LLVMVerifyModule(Raw, returnStatus, out var message) != 0;
        var text = LlvmStrings.TakeMessage(message);
        return broken ? text : null;
    }

    public string Triple => LlvmStrings.Borrowed(LlvmApi.LLVMGetTarget(Raw));

    /// <summary>Sets the machine's triple and data layout.</summary>
    public void SetTarget(TargetMachine machine)
    {
        LlvmApi.LLVMSetTarget(Raw, machine.Triple);
        var layout = LlvmApi.LLVMCreateTargetDataLayout(machine.Raw);
        try
        {
            LlvmApi.LLVMSetModuleDataLayout(Raw, layout);
        }
        finally
        {
            LlvmApi.LLVMDisposeTargetData(layout);
        }
    }

    public void Dispose() => _handle.Dispose();

    private static IEnumerable<LlvmGlobal> Walk(nint first, Func<nint, nint> next, GlobalKind kind)
    {
        // Take the next value before yielding so callers may change the current one.
        for (var value = first; value != 0;)
        {
            var following = next(value);
            yield return new LlvmGlobal(value, kind);
            value = following;
        }
    }
}
