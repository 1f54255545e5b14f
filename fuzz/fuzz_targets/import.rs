#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = wsis::fuzzing::import(data) {
        panic!("{broken}");
    }
});
