//! A tracepoint program: the kernel runs it each time the tracepoint sched/sched_process_fork
//! fires, in the context of the task that hit it. This one counts the events per process in
//! EVENTS. Change the `category` and `name` of `#[tracepoint]` to trace another event (the folders
//! under /sys/kernel/tracing/events), and `handle` to record something else.

#![no_std]
#![no_main]

use aya_ebpf::EbpfContext;
use aya_ebpf::macros::{map, tracepoint};
use aya_ebpf::maps::HashMap;
use aya_ebpf::programs::TracePointContext;

/// Events per process id (the kernel's tgid). User space reads it, e.g. `bpftool map dump name
/// EVENTS`. Raise `max_entries` to track more processes.
#[map]
static EVENTS: HashMap<u32, u64> = HashMap::with_max_entries(1024, 0);

/// The entry point; its name is the program's name in the kernel (the first 15 characters).
#[tracepoint(category = "sched", name = "sched_process_fork")]
pub fn aya_tracepoint_app(ctx: TracePointContext) -> u32 {
    handle(&ctx);
    0
}

/// The event's own fields are in its record: `ctx.read_at::<T>(offset)` reads one, at the offset
/// /sys/kernel/tracing/events/sched/sched_process_fork/format gives.
fn handle(ctx: &TracePointContext) {
    let process = ctx.tgid();
    match EVENTS.get_ptr_mut(&process) {
        Some(events) => unsafe { *events += 1 },
        // A full map refuses new processes; their events go uncounted.
        None => {
            let _ = EVENTS.insert(&process, &1, 0);
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
