//! A TC classifier: the kernel runs it on every packet that passes the traffic control hook it is
//! attached to (the packets an interface receives, or those it sends). This one counts packets and
//! bytes in TRAFFIC and lets every packet through. Change `handle` to filter: return `TC_ACT_SHOT`
//! to drop a packet.

#![no_std]
#![no_main]

use aya_ebpf::bindings::TC_ACT_OK;
use aya_ebpf::macros::{classifier, map};
use aya_ebpf::maps::PerCpuArray;
use aya_ebpf::programs::TcContext;

/// What the classifier has seen. `#[repr(C)]` gives it the layout user space reads.
#[repr(C)]
pub struct Traffic {
    pub packets: u64,
    pub bytes: u64,
}

/// One `Traffic` per CPU (no two CPUs write the same one, so no count is lost); user space adds
/// them up, e.g. from `bpftool map dump name TRAFFIC`.
#[map]
static TRAFFIC: PerCpuArray<Traffic> = PerCpuArray::with_max_entries(1, 0);

/// The entry point; its name is the program's name in the kernel (the first 15 characters).
#[classifier]
pub fn aya_tc_app(ctx: TcContext) -> i32 {
    handle(&ctx)
}

fn handle(ctx: &TcContext) -> i32 {
    if let Some(traffic) = TRAFFIC.get_ptr_mut(0) {
        unsafe {
            (*traffic).packets += 1;
            (*traffic).bytes += u64::from(ctx.len());
        }
    }
    TC_ACT_OK
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
