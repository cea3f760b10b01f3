//! Draft parsing: any bytes through `drafts::format::parse`; a draft that parses serializes and
//! parses back to the same bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for id in ["3f9a0c1e", ""] {
        if let Ok(d) = citcert::drafts::format::parse(data, id) {
            let bytes = d.to_bytes();
            let back = citcert::drafts::format::parse(&bytes, d.id()).expect("a saved draft parses");
            assert_eq!(back.to_bytes(), bytes);
            let _ = d.to_answers_file();
        }
    }
});
