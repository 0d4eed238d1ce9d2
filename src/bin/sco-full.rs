//! The full module: the app with everything the lean first module
//! (src/main.rs) leaves out, fetched on first use of it (src/upgrade.rs), or at
//! once for links that open on another view.

#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    sco_timeline::start();
}
