//! Package manifests: any bytes as the manifest.json of a real package folder (one signed file on
//! disk), through `package::verify`. Nothing may panic, hang or read outside the folder; a manifest
//! that is not the signed one is never reported intact.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static PKG: OnceLock<(tempfile::TempDir, Vec<u8>)> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let (dir, signed) = PKG.get_or_init(|| {
        let t = tempfile::tempdir().unwrap();
        let key = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]);
        let files = vec![
            citcert::documents::package::PackageFile { path: "answers.json".into(), bytes: b"{}\n".to_vec() },
            citcert::documents::package::PackageFile { path: "files/a.pdf".into(), bytes: b"%PDF-1.4\n".to_vec() },
        ];
        citcert::documents::package::write_package(&t.path().join("p"), &files, &key, "2025-06-01", "CIT0001 fuzz").unwrap();
        let signed = std::fs::read(t.path().join("p/manifest.json")).unwrap();
        (t, signed)
    });
    let pkg = dir.path().join("p");
    std::fs::write(pkg.join("manifest.json"), data).unwrap();
    let r = citcert::documents::package::verify(&pkg, None).expect("a package folder is checked");
    if data != signed.as_slice() {
        assert!(!r.intact(), "an altered manifest verified intact");
    }
});
