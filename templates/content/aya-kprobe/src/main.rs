//! A kprobe: the kernel runs it each time the kernel function do_sys_openat2 is entered, in the
//! context of the task that called it. This one counts the calls per process in CALLS. Change the
//! `function` of `#[kprobe]` to probe another function, and `handle` to record something else.

#![no_std]
#![no_main]

use aya_ebpf::helpers::bpf_get_current_pid_tgid;
use aya_ebpf::macros::{kprobe, map};
use aya_ebpf::maps::HashMap;
use aya_ebpf::programs::ProbeContext;

/// Calls per process id (the kernel's tgid). User space reads it, e.g. `bpftool map dump name
/// CALLS`. Raise `max_entries` to track more processes.
#[map]
static CALLS: HashMap<u32, u64> = HashMap::with_max_entries(1024, 0);

/// The entry point; its name is the program's name in the kernel (the first 15 characters).
#[kprobe(function = "do_sys_openat2")]
pub fn aya_kprobe_app(ctx: ProbeContext) -> u32 {
    handle(&ctx);
    0
}

/// `ctx.arg::<T>(n)` reads the probed function's n-th argument (from the registers in `ctx`).
fn handle(_ctx: &ProbeContext) {
    // The upper half is the process id, the lower half the thread's.
    let process = (bpf_get_current_pid_tgid() >> 32) as u32;
    match CALLS.get_ptr_mut(&process) {
        Some(calls) => unsafe { *calls += 1 },
        // A full map refuses new processes; their calls go uncounted.
        None => {
            let _ = CALLS.insert(&process, &1, 0);
        }
    }
}

#[cfg(not(test))]
#[panic_handler]
fn panic(_info: &core::panic::PanicInfo) -> ! {
    loop {}
}

/// The program's license: the kernel lets GPL-compatible programs call every helper.
#[unsafe(link_section = "license")]
#[unsafe(no_mangle)]
static LICENSE: [u8; 4] = *b"GPL\0";
