namespace Aya.Bpf.Tests.Tasks;

/// <summary>
/// Lines of `cargo build --message-format=json --target bpfel-unknown-none` (cargo 1.95), as cargo
/// printed them for the compile-error fixture and its minicore dependency under /src; only the long
/// `explanation` texts are shortened.
/// </summary>
internal static class CargoSamples
{
    /// <summary>rustc's E0308 for `let verdict: u32 = "no";` (tests/fixtures/compile-error, line 18 in this copy).</summary>
    public const string TypeError = """
        {"reason":"compiler-message","package_id":"path+file:///src/compile-error#0.1.0","manifest_path":"/src/compile-error/Cargo.toml","target":{"kind":["bin"],"crate_types":["bin"],"name":"compile-error","src_path":"/src/compile-error/src/main.rs","edition":"2024","doc":true,"doctest":false,"test":true},"message":{"rendered":"error[E0308]: mismatched types\n  --> src/main.rs:18:24\n   |\n18 |     let verdict: u32 = \"no\";\n   |                  ---   ^^^^ expected `u32`, found `&str`\n   |                  |\n   |                  expected due to this\n\n","$message_type":"diagnostic","children":[],"level":"error","message":"mismatched types","spans":[{"byte_end":441,"byte_start":437,"column_end":28,"column_start":24,"expansion":null,"file_name":"src/main.rs","is_primary":true,"label":"expected `u32`, found `&str`","line_end":18,"line_start":18,"suggested_replacement":null,"suggestion_applicability":null,"text":[{"highlight_end":28,"highlight_start":24,"text":"    let verdict: u32 = \"no\";"}]},{"byte_end":434,"byte_start":431,"column_end":21,"column_start":18,"expansion":null,"file_name":"src/main.rs","is_primary":false,"label":"expected due to this","line_end":18,"line_start":18,"suggested_replacement":null,"suggestion_applicability":null,"text":[{"highlight_end":21,"highlight_start":18,"text":"    let verdict: u32 = \"no\";"}]}],"code":{"code":"E0308","explanation":"(trimmed for the test)"}}}
        """;

    /// <summary>rustc's closing pointer to `rustc --explain`.</summary>
    public const string FailureNote = """
        {"reason":"compiler-message","package_id":"path+file:///src/compile-error#0.1.0","manifest_path":"/src/compile-error/Cargo.toml","target":{"kind":["bin"],"crate_types":["bin"],"name":"compile-error","src_path":"/src/compile-error/src/main.rs","edition":"2024","doc":true,"doctest":false,"test":true},"message":{"rendered":"For more information about this error, try `rustc --explain E0308`.\n","$message_type":"diagnostic","children":[],"level":"failure-note","message":"For more information about this error, try `rustc --explain E0308`.","spans":[],"code":null}}
        """;

    /// <summary>cargo's last line after a failed build.</summary>
    public const string BuildFailed = """
        {"reason":"build-finished","success":false}
        """;

    /// <summary>A lint warning with a help child.</summary>
    public const string UnusedVariableWarning = """
        {"reason":"compiler-message","package_id":"path+file:///src/compile-error#0.1.0","manifest_path":"/src/compile-error/Cargo.toml","target":{"kind":["bin"],"crate_types":["bin"],"name":"compile-error","src_path":"/src/compile-error/src/main.rs","edition":"2024","doc":true,"doctest":false,"test":true},"message":{"rendered":"warning: unused variable: `unused`\n  --> src/main.rs:17:9\n   |\n17 |     let unused = 1u32;\n   |         ^^^^^^ help: if this is intentional, prefix it with an underscore: `_unused`\n   |\n   = note: `#[warn(unused_variables)]` (part of `#[warn(unused)]`) on by default\n\n","$message_type":"diagnostic","children":[{"children":[],"code":null,"level":"note","message":"`#[warn(unused_variables)]` (part of `#[warn(unused)]`) on by default","rendered":null,"spans":[]},{"children":[],"code":null,"level":"help","message":"if this is intentional, prefix it with an underscore","rendered":null,"spans":[{"byte_end":405,"byte_start":399,"column_end":15,"column_start":9,"expansion":null,"file_name":"src/main.rs","is_primary":true,"label":null,"line_end":17,"line_start":17,"suggested_replacement":"_unused","suggestion_applicability":"MachineApplicable","text":[{"highlight_end":15,"highlight_start":9,"text":"    let unused = 1u32;"}]}]}],"level":"warning","message":"unused variable: `unused`","spans":[{"byte_end":405,"byte_start":399,"column_end":15,"column_start":9,"expansion":null,"file_name":"src/main.rs","is_primary":true,"label":null,"line_end":17,"line_start":17,"suggested_replacement":null,"suggestion_applicability":null,"text":[{"highlight_end":15,"highlight_start":9,"text":"    let unused = 1u32;"}]}],"code":{"code":"unused_variables","explanation":null}}}
        """;

    /// <summary>rustc's error for a no_std bin built with unwinding panics (a host build without panic=abort), with its help and note.</summary>
    public const string UnwindingPanicsError = """
        {"reason":"compiler-message","package_id":"path+file:///tmp/exp/a#0.1.0","manifest_path":"/tmp/exp/a/Cargo.toml","target":{"kind":["bin"],"crate_types":["bin"],"name":"prog","src_path":"/tmp/exp/a/src/x.rs","edition":"2021","doc":true,"doctest":false,"test":true},"message":{"rendered":"error: unwinding panics are not supported without std\n  |\n  = help: using nightly cargo, use -Zbuild-std with panic=\"abort\" to avoid unwinding\n  = note: since the core library is usually precompiled with panic=\"unwind\", rebuilding your crate with panic=\"abort\" may not be enough to fix the problem\n\n","$message_type":"diagnostic","children":[{"children":[],"code":null,"level":"help","message":"using nightly cargo, use -Zbuild-std with panic=\"abort\" to avoid unwinding","rendered":null,"spans":[]},{"children":[],"code":null,"level":"note","message":"since the core library is usually precompiled with panic=\"unwind\", rebuilding your crate with panic=\"abort\" may not be enough to fix the problem","rendered":null,"spans":[]}],"level":"error","message":"unwinding panics are not supported without std","spans":[],"code":null}}
        """;

    /// <summary>A dependency's rlib.</summary>
    public const string LibArtifact = """
        {"reason":"compiler-artifact","package_id":"path+file:///src/minicore#0.1.0","manifest_path":"/src/minicore/Cargo.toml","target":{"kind":["lib"],"crate_types":["lib"],"name":"minicore","src_path":"/src/minicore/src/lib.rs","edition":"2024","doc":true,"doctest":true,"test":true},"profile":{"opt_level":"3","debuginfo":2,"debug_assertions":false,"overflow_checks":false,"test":false},"features":[],"filenames":["/src/tgt/bpfel-unknown-none/release/deps/libminicore-15073c6df38e511b.rlib","/src/tgt/bpfel-unknown-none/release/deps/libminicore-15073c6df38e511b.rmeta"],"executable":null,"fresh":false}
        """;

    /// <summary>The crate's bin, uplifted from the linker's output.</summary>
    public const string BinArtifact = """
        {"reason":"compiler-artifact","package_id":"path+file:///src/compile-error#0.1.0","manifest_path":"/src/compile-error/Cargo.toml","target":{"kind":["bin"],"crate_types":["bin"],"name":"compile-error","src_path":"/src/compile-error/src/main.rs","edition":"2024","doc":true,"doctest":false,"test":true},"profile":{"opt_level":"3","debuginfo":2,"debug_assertions":false,"overflow_checks":false,"test":false},"features":[],"filenames":["/src/tgt/bpfel-unknown-none/release/compile-error"],"executable":"/src/tgt/bpfel-unknown-none/release/compile-error","fresh":false}
        """;

    /// <summary>A message the build does not use.</summary>
    public const string BuildScriptExecuted = """
        {"reason":"build-script-executed","package_id":"path+file:///src/minicore#0.1.0","linked_libs":[],"linked_paths":[],"cfgs":[],"env":[],"out_dir":"/src/tgt/bpfel-unknown-none/release/build/minicore-910dc7d9a87f5f5f/out"}
        """;

    /// <summary>cargo's last line after a successful build.</summary>
    public const string BuildSucceeded = """
        {"reason":"build-finished","success":true}
        """;
}
