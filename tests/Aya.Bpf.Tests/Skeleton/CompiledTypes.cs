using System.Reflection;
using System.Runtime.InteropServices;
using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Linker.Skeleton;
using Aya.Bpf.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Aya.Bpf.Tests.Skeleton;

/// <summary>
/// The C# declarations a skeleton writes for some BTF types, compiled in memory and loaded, so that
/// tests can compare their layout (Marshal.SizeOf, field offsets) with BTF's.
/// </summary>
internal sealed class CompiledTypes
{
    private const string Namespace = "Layout";
    private const string Container = "Types";
    private readonly Assembly _assembly;
    private readonly CSharpTypeSet _types;

    private CompiledTypes(Assembly assembly, CSharpTypeSet types, string source)
    {
        _assembly = assembly;
        _types = types;
        Source = source;
    }

    public string Source { get; }

    /// <summary>Declares every type of <paramref name="roots"/> (and what they reach), then compiles them; compile errors fail the test.</summary>
    public static CompiledTypes Of(BtfData btf, IEnumerable<uint> roots)
    {
        var types = new CSharpTypeSet(btf, $"global::{Namespace}.{Container}.", new NameScope(Container));
        foreach (var root in roots)
            _ = types.Reference(root, $"Root{root}");
        var code = new CodeWriter();
        code.Line($"namespace {Namespace};");
        using (code.Block($"public static partial class {Container}"))
            CSharpTypeDeclarations.Write(types, code);
        var source = code.ToString();
        return new CompiledTypes(Compile(source), types, source);
    }

    /// <summary>The compiled C# type declared for the BTF type <paramref name="id"/>.</summary>
    public Type TypeOf(uint id)
    {
        var name = _types.DeclaredName(id) ?? throw new AssertFailedException($"BTF type [{id}] got no C# declaration.{Environment.NewLine}{Source}");
        return _assembly.GetType($"{Namespace}.{Container}+{name}") ?? throw new AssertFailedException($"{name} is not in the compiled assembly.");
    }

    /// <summary>The type's instance fields in declaration order.</summary>
    public static FieldInfo[] FieldsOf(Type type) =>
        [.. type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).OrderBy(f => f.MetadataToken)];

    public static int OffsetOf(FieldInfo field) => (int)Marshal.OffsetOf(field.DeclaringType!, field.Name);

    private static Assembly Compile(string source)
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = platform.Append(typeof(BpfBitfield).Assembly.Location).Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            $"Layout{Guid.NewGuid():N}",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (!emitted.Success || problems.Count > 0)
            throw new AssertFailedException($"the skeleton's declarations do not compile cleanly:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}{Environment.NewLine}{source}");
        return Assembly.Load(image.ToArray());
    }
}
