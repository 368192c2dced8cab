// Relocatable access to kernel types (CO-RE) for Rust, shipped with Aya.Bpf.Sdk.
//
// Include it once, at the crate root:   include!(env!("AYA_BPF_CORE"));
//
// Each macro calls a marker function that the SDK's linker recognises by name and replaces with
// the relocatable access LLVM's BPF backend records in .BTF.ext, so libbpf moves the access to
// where the running kernel keeps the field. Built without the SDK's linker, the markers compute
// the local layout's answer.

#[allow(dead_code)]
pub mod core_access {
    use core::any::type_name;
    use core::hint::black_box;

    /// Marker: the address of the `F` at `offset` bytes into the `T` at `base`: the field `path` names,
    /// as `file:line:field` (`src/main.rs:12:se.vruntime`), so errors can point at the use.
    #[inline(never)]
    #[doc(hidden)]
    pub fn __aya_bpf_core_field_address<T, F>(base: *const T, offset: usize, path: &'static str) -> *const F {
        // The address escapes, so no pass folds a constant offset into the body and drops the argument.
        black_box(__aya_bpf_core_field_address::<T, F> as fn(*const T, usize, &'static str) -> *const F);
        // A body of its own per (T, F), so no pass merges two markers into one.
        black_box(type_name::<(T, F)>());
        // Arguments it reads, so no pass replaces them with poison at the calls.
        black_box(path);
        // An answer no pass can see through, so nothing folds a use of it before the rewrite.
        black_box(base.cast::<u8>().wrapping_add(offset).cast())
    }

    /// Marker: what `kind` (a bpf_core_relo_kind of a field) says of the `F` at `offset` bytes into `T`.
    #[inline(never)]
    #[doc(hidden)]
    pub fn __aya_bpf_core_field_info<T, F>(base: *const T, offset: usize, path: &'static str, kind: u32) -> u32 {
        black_box(__aya_bpf_core_field_info::<T, F> as fn(*const T, usize, &'static str, u32) -> u32);
        black_box(type_name::<(T, F)>());
        black_box((base, path));
        black_box(match kind {
            0 => offset as u32,
            1 => core::mem::size_of::<F>() as u32,
            _ => 1,
        })
    }

    /// Marker: what `kind` (0 exists, 1 size) says of the type `T`.
    #[inline(never)]
    #[doc(hidden)]
    pub fn __aya_bpf_core_type_info<T>(kind: u32) -> u32 {
        black_box(__aya_bpf_core_type_info::<T> as fn(u32) -> u32);
        black_box(type_name::<T>());
        black_box(if kind == 1 { core::mem::size_of::<T>() as u32 } else { 1 })
    }

    // Relocation kinds (enum bpf_core_relo_kind).
    pub const FIELD_BYTE_OFFSET: u32 = 0;
    pub const FIELD_BYTE_SIZE: u32 = 1;
    pub const FIELD_EXISTS: u32 = 2;
    pub const TYPE_EXISTS: u32 = 0;
    pub const TYPE_SIZE: u32 = 1;

    #[inline(always)]
    #[doc(hidden)]
    pub fn __field<T, F>(base: *const T, field: *const F, path: &'static str) -> *const F {
        __aya_bpf_core_field_address::<T, F>(base, (field as usize).wrapping_sub(base as usize), path)
    }

    #[inline(always)]
    #[doc(hidden)]
    pub fn __field_info<T, F>(offset: usize, _field: fn(&T) -> &F, path: &'static str, kind: u32) -> u32 {
        __aya_bpf_core_field_info::<T, F>(core::ptr::null(), offset, path, kind)
    }

    /// bpf_probe_read_kernel (helper 113) of one `F`: how a tracing program reads kernel memory.
    ///
    /// # Safety
    /// `source` is a kernel address; the helper checks it, an unreadable one is `Err`.
    #[inline(always)]
    pub unsafe fn probe_read_kernel<F>(source: *const F) -> Result<F, i64> {
        let mut value = core::mem::MaybeUninit::<F>::uninit();
        let helper: unsafe extern "C" fn(*mut core::ffi::c_void, u32, *const core::ffi::c_void) -> i64 =
            unsafe { core::mem::transmute(113usize) };
        match unsafe { helper(value.as_mut_ptr().cast(), core::mem::size_of::<F>() as u32, source.cast()) } {
            0 => Ok(unsafe { value.assume_init() }),
            error => Err(error),
        }
    }
}

/// The relocatable address of a field: `core_field!(task, pid)`, `core_field!(task, se.vruntime)`,
/// `core_field!(task, comm[3])`. `task` is a `*const T`; the result a `*const` of the field's type.
#[macro_export]
macro_rules! core_field {
    ($base:expr, $($place:tt)+) => {{
        let base = $base;
        #[allow(unused_unsafe)]
        let field = unsafe { ::core::ptr::addr_of!((*base).$($place)+) };
        $crate::core_access::__field(base, field, concat!(file!(), ":", line!(), ":", stringify!($($place)+)))
    }};
}

/// Reads a field of a kernel object through its relocatable address with bpf_probe_read_kernel:
/// `core_read!(task, tgid)` is a `Result<i32, i64>`.
#[macro_export]
macro_rules! core_read {
    ($base:expr, $($place:tt)+) => {{
        #[allow(unused_unsafe)]
        let value = unsafe { $crate::core_access::probe_read_kernel(core_field!($base, $($place)+)) };
        value
    }};
}

/// Whether the running kernel's type has the field: `core_field_exists!(task_struct, pid)`.
#[macro_export]
macro_rules! core_field_exists {
    ($t:ty, $($field:tt)+) => {
        $crate::core_access::__field_info::<$t, _>(::core::mem::offset_of!($t, $($field)+), |t: &$t| &t.$($field)+, concat!(file!(), ":", line!(), ":", stringify!($($field)+)), $crate::core_access::FIELD_EXISTS) != 0
    };
}

/// The size in bytes of the field in the running kernel's type: `core_field_size!(task_struct, comm)`.
#[macro_export]
macro_rules! core_field_size {
    ($t:ty, $($field:tt)+) => {
        $crate::core_access::__field_info::<$t, _>(::core::mem::offset_of!($t, $($field)+), |t: &$t| &t.$($field)+, concat!(file!(), ":", line!(), ":", stringify!($($field)+)), $crate::core_access::FIELD_BYTE_SIZE)
    };
}

/// The byte offset of the field in the running kernel's type: `core_field_offset!(task_struct, comm)`.
#[macro_export]
macro_rules! core_field_offset {
    ($t:ty, $($field:tt)+) => {
        $crate::core_access::__field_info::<$t, _>(::core::mem::offset_of!($t, $($field)+), |t: &$t| &t.$($field)+, concat!(file!(), ":", line!(), ":", stringify!($($field)+)), $crate::core_access::FIELD_BYTE_OFFSET)
    };
}

/// Whether the running kernel has the type: `core_type_exists!(task_struct)`.
#[macro_export]
macro_rules! core_type_exists {
    ($t:ty) => {
        $crate::core_access::__aya_bpf_core_type_info::<$t>($crate::core_access::TYPE_EXISTS) != 0
    };
}

/// The size in bytes of the type in the running kernel: `core_type_size!(task_struct)`.
#[macro_export]
macro_rules! core_type_size {
    ($t:ty) => {
        $crate::core_access::__aya_bpf_core_type_info::<$t>($crate::core_access::TYPE_SIZE)
    };
}
