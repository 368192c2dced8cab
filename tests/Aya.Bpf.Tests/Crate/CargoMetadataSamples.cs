namespace Aya.Bpf.Tests.Crate;

/// <summary>What `cargo metadata --format-version 1 --no-deps` printed (cargo 1.95), shortened to the fields the build reads.</summary>
internal static class CargoMetadataSamples
{
    /// <summary>The aya-app fixture workspace, run in its eBPF crate, with the fixtures under /fixtures.</summary>
    public const string AyaAppWorkspace = """
        {"packages": [{"name": "aya-app", "targets": [{"kind": ["bin"], "name": "aya-app", "src_path": "/fixtures/aya-app/aya-app/src/main.rs"}], "features": {}, "manifest_path": "/fixtures/aya-app/aya-app/Cargo.toml", "edition": "2024"}, {"name": "aya-app-common", "targets": [{"kind": ["lib"], "name": "aya_app_common", "src_path": "/fixtures/aya-app/aya-app-common/src/lib.rs"}], "features": {"user": []}, "manifest_path": "/fixtures/aya-app/aya-app-common/Cargo.toml", "edition": "2024"}, {"name": "aya-app-ebpf", "targets": [{"kind": ["lib"], "name": "aya_app_ebpf", "src_path": "/fixtures/aya-app/aya-app-ebpf/src/lib.rs"}, {"kind": ["bin"], "name": "aya-app", "src_path": "/fixtures/aya-app/aya-app-ebpf/src/main.rs"}, {"kind": ["bin"], "name": "tc-count", "src_path": "/fixtures/aya-app/aya-app-ebpf/src/tc-count.rs"}, {"kind": ["bin"], "name": "trace-getpid", "src_path": "/fixtures/aya-app/aya-app-ebpf/src/bin/trace-getpid.rs"}, {"kind": ["custom-build"], "name": "build-script-build", "src_path": "/fixtures/aya-app/aya-app-ebpf/build.rs"}], "features": {}, "manifest_path": "/fixtures/aya-app/aya-app-ebpf/Cargo.toml", "edition": "2024"}], "target_directory": "/fixtures/aya-app/target", "workspace_root": "/fixtures/aya-app"}
        """;

    /// <summary>`cargo -Zunstable-options config get --show-origin` in aya-app's eBPF crate (its .cargo/config.toml), with a linker setting added.</summary>
    public const string AyaAppConfig = """
        build.target = "bpfel-unknown-none" # /src/aya-app/aya-app-ebpf/.cargo/config.toml
        target.bpfel-unknown-none.linker = "bpf-linker" # environment variable `CARGO_TARGET_BPFEL_UNKNOWN_NONE_LINKER`
        unstable.build-std = [
            "core", # /src/aya-app/aya-app-ebpf/.cargo/config.toml
            "alloc", # /src/aya-app/.cargo/config.toml
        ]
        # The following environment variables may affect the loaded values.
        # CARGO_HOME=/root/.cargo
        """;
}
