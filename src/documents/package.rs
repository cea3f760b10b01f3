//! The signed submission package (issue 5): a folder with the files, a `manifest.json` listing every
//! file with its size and SHA-256, `manifest.sig` (Ed25519 over manifest.json's exact bytes, hex) and
//! `public.key` (hex). [`verify`] re-checks the signature and every hash and names what was added,
//! removed or altered.
//!
//! The signing key is made on first use in the data folder (`CITCERT_KEY_DIR`, else the platform
//! data folder; not the config folder, which people keep in dotfile repositories), file 0600 in a
//! 0700 folder. The public key travels with the package, so
//! the signature proves the package is unchanged since *some* key signed it; the fingerprint tells
//! whose (compare it with `citcert verify` on the machine that made it).

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::documents::attach::hex;
use crate::drafts::fsutil::{create_private, ensure_private_dir, open_regular, read_regular};
use crate::drafts::io_reason;
use crate::engine::{Explain, Lang, Text};
use crate::fill_text;

pub const MANIFEST: &str = "manifest.json";
pub const SIGNATURE: &str = "manifest.sig";
pub const PUBLIC_KEY: &str = "public.key";
pub const KEY_FILE: &str = "package-signing.key";

/// Why a package could not be made or checked, in English and French ([`Explain`]);
/// `Display` gives the English.
#[derive(Debug)]
pub enum PackageError {
    Io { path: PathBuf, source: std::io::Error },
    Invalid(Text),
}

impl Explain for PackageError {
    fn explain(&self) -> Text {
        match self {
            PackageError::Io { path, source } => {
                fill_text!(
                    crate::documents::SUBJECT_PROBLEM,
                    subject = crate::safe_text::path(path),
                    problem = io_reason(source)
                )
            }
            PackageError::Invalid(t) => t.clone(),
        }
    }
}

impl std::fmt::Display for PackageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Lang::En))
    }
}

impl std::error::Error for PackageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PackageError::Io { source, .. } => Some(source),
            PackageError::Invalid(_) => None,
        }
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> PackageError + '_ {
    move |source| PackageError::Io { path: path.to_path_buf(), source }
}

/// Where the signing key lives, and what was done to put it there.
#[derive(Debug)]
pub struct KeyDir {
    pub dir: PathBuf,
    /// Said once, when a key was moved from the old place (or when one is left there).
    pub notice: Option<Text>,
}

/// The folder holding the signing key: `CITCERT_KEY_DIR` (or its older name `CITCERT_CONFIG_DIR`)
/// as given, else the platform data folder (`~/.local/share/citcert` on Linux). A key that older
/// versions made in the config folder (`~/.config/citcert`) is moved to the data folder.
pub fn key_dir() -> Result<KeyDir, PackageError> {
    for var in ["CITCERT_KEY_DIR", "CITCERT_CONFIG_DIR"] {
        if let Ok(d) = std::env::var(var)
            && !d.trim().is_empty()
        {
            return Ok(KeyDir { dir: PathBuf::from(d), notice: None });
        }
    }
    let dirs = directories::ProjectDirs::from("ca", "citcert", "citcert").ok_or_else(|| {
        PackageError::Invalid(Text::new(
            "no home folder found for the signing key; set CITCERT_KEY_DIR",
            "aucun dossier personnel pour la clé de signature; définissez CITCERT_KEY_DIR",
        ))
    })?;
    let dir = dirs.data_dir().to_path_buf();
    let notice = move_old_key(dirs.config_dir(), &dir)?;
    Ok(KeyDir { dir, notice })
}

/// Moves `old_dir/package-signing.key` into `new_dir` (0700) when `new_dir` has no key, and says
/// so. When both have one, the new one is kept and the old one left where it is, with a notice.
/// Nothing happens when there is no old key or the two folders are one (macOS).
pub fn move_old_key(old_dir: &Path, new_dir: &Path) -> Result<Option<Text>, PackageError> {
    let (old, new) = (old_dir.join(KEY_FILE), new_dir.join(KEY_FILE));
    let old_is_file = std::fs::symlink_metadata(&old).is_ok_and(|m| m.is_file());
    if old_dir == new_dir || !old_is_file {
        return Ok(None);
    }
    let (o, n) = (crate::safe_text::path(&old), crate::safe_text::path(&new));
    if std::fs::symlink_metadata(&new).is_ok() {
        return Ok(Some(fill_text!(w::OLD_KEY_LEFT, old = o, new = n)));
    }
    ensure_private_dir(new_dir).map_err(|e| PackageError::Invalid(e.explain()))?;
    if std::fs::rename(&old, &new).is_err() {
        // Another file system: copy (0600), sync, then remove the old one.
        let bytes = read_key_file(&old)?;
        let mut f = create_private(&new).map_err(io(&new))?;
        f.write_all(&bytes).and_then(|_| f.sync_all()).map_err(io(&new))?;
        std::fs::remove_file(&old).map_err(io(&old))?;
    }
    Ok(Some(fill_text!(w::KEY_MOVED, old = o, new = n)))
}

/// A key file's bytes: a regular file of at most 4 KiB (a key is 65 bytes).
fn read_key_file(path: &Path) -> Result<Vec<u8>, PackageError> {
    use std::io::Read;
    let f = std::fs::File::open(path).map_err(io(path))?;
    let meta = f.metadata().map_err(io(path))?;
    if !meta.is_file() || meta.len() > 4096 {
        return Err(PackageError::Invalid(fill_text!(
            w::NOT_A_KEY_FILE,
            path = crate::safe_text::path(path)
        )));
    }
    let mut bytes = Vec::new();
    f.take(4096).read_to_end(&mut bytes).map_err(io(path))?;
    Ok(bytes)
}

/// Exactly `2 × N` hex digits (surrounding whitespace, such as a final newline, allowed). Strict:
/// `u8::from_str_radix` took "+f" as a digit pair, so a key or signature with a "+" in it was read.
fn parse_hex<const N: usize>(s: &str) -> Option<[u8; N]> {
    let mut out = [0u8; N];
    hex::decode_to_slice(s.trim(), &mut out).ok()?;
    Some(out)
}

/// Loads the signing key from `dir`, creating it (0600, folder 0700) on first use. Returns the key
/// and whether it was just created.
pub fn load_or_create_key(dir: &Path) -> Result<(SigningKey, bool), PackageError> {
    let path = dir.join(KEY_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let seed = parse_hex::<32>(&text).ok_or_else(|| {
                PackageError::Invalid(fill_text!(w::NOT_A_KEY, path = crate::safe_text::path(&path)))
            })?;
            Ok((SigningKey::from_bytes(&seed), false))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            ensure_private_dir(dir).map_err(|e| PackageError::Invalid(e.explain()))?;
            let key = SigningKey::generate(&mut rand_core::OsRng);
            let mut seed_hex = hex(&key.to_bytes());
            seed_hex.push('\n');
            let mut f = create_private(&path).map_err(io(&path))?;
            f.write_all(seed_hex.as_bytes()).and_then(|_| f.sync_all()).map_err(io(&path))?;
            Ok((key, true))
        }
        Err(e) => Err(PackageError::Io { path, source: e }),
    }
}

/// "SHA256:1a2b3c4d…" — the first 16 bytes of SHA-256 of the public key, hex in groups of 4.
pub fn fingerprint(vk: &VerifyingKey) -> String {
    let h = hex(&Sha256::digest(vk.as_bytes())[..16]);
    let groups: Vec<&str> = (0..h.len()).step_by(4).map(|i| &h[i..i + 4]).collect();
    format!("SHA256:{}", groups.join(":"))
}

/// One file in the manifest.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct ManifestEntry {
    /// Relative, `/`-separated.
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub created_on: String,
    pub questionnaire: String,
    pub public_key_fingerprint: String,
    pub files: Vec<ManifestEntry>,
}

/// What goes in a package: a relative path and its bytes.
pub struct PackageFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Writes the package folder (which must not exist, or be an empty folder of this user's that
/// others cannot write to) and signs its manifest.
///
/// Nothing is ever written through a link: every folder inside is made here (`mkdir`, failing if
/// something is already there) and every file is created new (`O_EXCL | O_NOFOLLOW`), so a link
/// planted in the folder while the package is written makes the command fail, never write
/// elsewhere.
pub fn write_package(
    out: &Path,
    files: &[PackageFile],
    key: &SigningKey,
    created_on: &str,
    questionnaire: &str,
) -> Result<Manifest, PackageError> {
    for f in files {
        if !safe_rel(&f.path) || [MANIFEST, SIGNATURE, PUBLIC_KEY].contains(&f.path.as_str()) {
            return Err(PackageError::Invalid(fill_text!(
                w::UNUSABLE_NAME,
                path = crate::safe_text::inline(&f.path)
            )));
        }
    }
    prepare_out(out)?;
    let mut made = std::collections::HashSet::new();
    let mut entries = vec![];
    for f in files {
        let mut parts: Vec<&str> = f.path.split('/').collect();
        parts.pop();
        let mut sub = PathBuf::new();
        for part in parts {
            sub.push(part);
            if made.insert(sub.clone()) {
                make_private_dir(&out.join(&sub))?;
            }
        }
        write_file(&out.join(&f.path), &f.bytes)?;
        entries.push(ManifestEntry {
            path: f.path.clone(),
            size: f.bytes.len() as u64,
            sha256: hex(&Sha256::digest(&f.bytes)),
        });
    }
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    let vk = key.verifying_key();
    let manifest = Manifest {
        format: "citcert-package-1".into(),
        created_on: created_on.into(),
        questionnaire: questionnaire.into(),
        public_key_fingerprint: fingerprint(&vk),
        files: entries,
    };
    let mut bytes = serde_json::to_vec_pretty(&manifest).expect("a manifest always serializes");
    bytes.push(b'\n');
    let sig = key.sign(&bytes);
    write_file(&out.join(MANIFEST), &bytes)?;
    write_file(&out.join(SIGNATURE), format!("{}\n", hex(&sig.to_bytes())).as_bytes())?;
    write_file(&out.join(PUBLIC_KEY), format!("{}\n", hex(vk.as_bytes())).as_bytes())?;
    Ok(manifest)
}

/// Makes `out` (0700; missing parents are made too), or checks that an existing one is a real,
/// empty folder of this user's that no one else can write to (else a link could be planted in it
/// between this check and the writes).
fn prepare_out(out: &Path) -> Result<(), PackageError> {
    let o = crate::safe_text::path(out);
    let refuse = |t: Text| Err(PackageError::Invalid(t));
    match std::fs::symlink_metadata(out) {
        Ok(m) if m.file_type().is_symlink() => refuse(fill_text!(w::OUT_IS_A_LINK, out = o)),
        Ok(m) if !m.is_dir() => refuse(fill_text!(w::OUT_NOT_A_FOLDER, out = o)),
        Ok(m) => {
            let mut it = std::fs::read_dir(out).map_err(io(out))?;
            if it.next().is_some() {
                return refuse(fill_text!(w::OUT_NOT_EMPTY, out = o));
            }
            #[cfg(unix)]
            {
                use std::os::unix::fs::{MetadataExt, PermissionsExt};
                // SAFETY: geteuid has no preconditions and cannot fail.
                let me = unsafe { libc::geteuid() };
                let mode = m.permissions().mode() & 0o7777;
                if m.uid() != me || mode & 0o022 != 0 {
                    return refuse(fill_text!(
                        w::OUT_WRITABLE_BY_OTHERS,
                        out = o,
                        mode = format!("{mode:04o}")
                    ));
                }
            }
            #[cfg(not(unix))]
            let _ = m;
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).map_err(io(parent))?;
            }
            make_private_dir(out)
        }
        Err(e) => Err(PackageError::Io { path: out.to_path_buf(), source: e }),
    }
}

/// `mkdir` with mode 0700; fails when anything (a link included) is already there.
fn make_private_dir(path: &Path) -> Result<(), PackageError> {
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut b = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, crate::drafts::fsutil::DIR_MODE);
    b.create(path).map_err(io(path))
}

/// Creates a new file (0600), never through a link and never over an existing file.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), PackageError> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(crate::drafts::fsutil::FILE_MODE).custom_flags(libc::O_NOFOLLOW);
    }
    let mut f = o.open(path).map_err(io(path))?;
    f.write_all(bytes).and_then(|_| f.sync_all()).map_err(io(path))
}

fn safe_rel(p: &str) -> bool {
    !p.is_empty() && !p.contains('\\') && Path::new(p).components().all(|c| matches!(c, Component::Normal(_)))
}

/// The result of [`verify`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VerifyReport {
    pub fingerprint: Option<String>,
    pub signature_ok: bool,
    /// The public key is this machine's own signing key.
    pub own_key: Option<bool>,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub altered: Vec<String>,
    /// Other problems (missing manifest, unreadable file…), in English and French.
    pub problems: Vec<Text>,
}

impl VerifyReport {
    pub fn intact(&self) -> bool {
        self.signature_ok
            && self.added.is_empty()
            && self.removed.is_empty()
            && self.altered.is_empty()
            && self.problems.is_empty()
    }
}

/// The largest manifest.json `verify` reads (a package of 5 documents has one of about 2 KB).
pub const MAX_MANIFEST_BYTES: u64 = 4 * 1024 * 1024;
/// The most files `verify` looks at in a package folder.
pub const MAX_PACKAGE_FILES: usize = 10_000;

/// Checks a package folder: the signature of manifest.json, then every file against it.
/// `own_key`: this machine's public key, when there is one, to say whose key signed.
///
/// A package is received from someone else: links are never followed (a link, a FIFO, a device is
/// refused by name), nothing is read past its listed size, manifest.json past
/// [`MAX_MANIFEST_BYTES`], or more than [`MAX_PACKAGE_FILES`] files; a path listed twice is refused.
/// The work is linear in the number of files.
pub fn verify(dir: &Path, own_key: Option<&VerifyingKey>) -> Result<VerifyReport, PackageError> {
    if !dir.is_dir() {
        return Err(PackageError::Invalid(fill_text!(
            w::NOT_A_PACKAGE_FOLDER,
            dir = crate::safe_text::path(dir)
        )));
    }
    let mut r = VerifyReport::default();
    let read = |name: &str, max: u64, r: &mut VerifyReport| -> Option<Vec<u8>> {
        match read_regular(&dir.join(name), max, false) {
            Ok(b) => Some(b),
            Err(e) => {
                r.problems.push(fill_text!(
                    w::INCOMPLETE,
                    name = crate::safe_text::inline(name),
                    reason = io_reason(&e)
                ));
                None
            }
        }
    };
    let manifest_bytes = read(MANIFEST, MAX_MANIFEST_BYTES, &mut r);
    let sig_bytes = read(SIGNATURE, 1024, &mut r);
    let key_bytes = read(PUBLIC_KEY, 1024, &mut r);
    let vk = key_bytes.as_ref().and_then(|b| {
        let k = std::str::from_utf8(b)
            .ok()
            .and_then(parse_hex::<32>)
            .and_then(|k| VerifyingKey::from_bytes(&k).ok());
        if k.is_none() {
            r.problems.push(fill_text!(w::NOT_A_PUBLIC_KEY, file = PUBLIC_KEY));
        }
        k
    });
    if let Some(vk) = &vk {
        r.fingerprint = Some(fingerprint(vk));
        r.own_key = own_key.map(|o| o == vk);
    }
    let sig = sig_bytes.as_ref().and_then(|b| {
        let s = std::str::from_utf8(b).ok().and_then(parse_hex::<64>).map(|s| Signature::from_bytes(&s));
        if s.is_none() {
            r.problems.push(fill_text!(w::NOT_A_SIGNATURE, file = SIGNATURE));
        }
        s
    });
    if let (Some(m), Some(vk), Some(sig)) = (&manifest_bytes, &vk, &sig) {
        r.signature_ok = vk.verify_strict(m, sig).is_ok();
        if !r.signature_ok {
            r.problems.push(fill_text!(
                w::BAD_SIGNATURE,
                manifest = MANIFEST,
                signature = SIGNATURE,
                key = PUBLIC_KEY
            ));
        }
    }
    let manifest: Option<Manifest> = manifest_bytes.as_ref().and_then(|m| match serde_json::from_slice(m) {
        Ok(x) => Some(x),
        Err(e) => {
            let e = crate::context::json_reason(&e);
            r.problems.push(fill_text!(w::NOT_A_MANIFEST, file = MANIFEST, reason = e));
            None
        }
    });
    let mut walked = Walk::default();
    walk(dir, dir, &mut walked).map_err(io(dir))?;
    if walked.truncated {
        r.problems.push(fill_text!(w::TOO_MANY_FILES, max = MAX_PACKAGE_FILES));
    }
    for (p, what) in &walked.refused {
        if [MANIFEST, SIGNATURE, PUBLIC_KEY].contains(&p.as_str()) {
            continue; // already said: cannot be read
        }
        r.problems.push(fill_text!(w::NOT_A_FILE, path = p, what = what));
    }
    let mut on_disk: std::collections::BTreeSet<String> = walked.files.into_iter().collect();
    for name in [MANIFEST, SIGNATURE, PUBLIC_KEY] {
        on_disk.remove(name);
    }
    let refused: std::collections::HashSet<&str> = walked.refused.iter().map(|(p, _)| p.as_str()).collect();
    let Some(manifest) = manifest else {
        return Ok(r);
    };
    if let Some(vk) = &vk
        && manifest.public_key_fingerprint != fingerprint(vk)
    {
        r.problems.push(fill_text!(w::OTHER_FINGERPRINT, key = PUBLIC_KEY, manifest = MANIFEST));
    }
    let mut listed = std::collections::HashSet::new();
    for e in &manifest.files {
        let p = &e.path;
        if !safe_rel(p) || [MANIFEST, SIGNATURE, PUBLIC_KEY].contains(&p.as_str()) {
            r.problems.push(fill_text!(w::UNSAFE_PATH, manifest = MANIFEST, path = p));
            continue;
        }
        if !listed.insert(p.as_str()) {
            r.problems.push(fill_text!(w::LISTED_TWICE, manifest = MANIFEST, path = p));
            continue;
        }
        if refused.contains(p.as_str()) {
            continue; // said above
        }
        if !on_disk.contains(p) {
            r.removed.push(p.clone());
            continue;
        }
        match hash_listed(&dir.join(p), e.size) {
            Ok(Some(h)) if h == e.sha256 => {}
            Ok(_) => r.altered.push(p.clone()),
            Err(err) => r.problems.push(fill_text!(w::CANNOT_READ, path = p, reason = io_reason(&err))),
        }
    }
    r.added = on_disk.into_iter().filter(|p| !listed.contains(p.as_str())).collect();
    Ok(r)
}

/// SHA-256 of a regular file (no link followed) whose size is `size`; `None` when the size differs
/// (then it is not read at all).
fn hash_listed(path: &Path, size: u64) -> std::io::Result<Option<String>> {
    use std::io::Read;
    let (f, meta) = open_regular(path, false)?;
    if meta.len() != size {
        return Ok(None);
    }
    let (h, _, n) = crate::documents::attach::hash_reader(&mut f.take(size + 1))?;
    Ok((n == size).then_some(h))
}

/// What [`walk`] found: regular files, and anything else by name with what it is.
#[derive(Default)]
struct Walk {
    files: Vec<String>,
    refused: Vec<(String, Text)>,
    truncated: bool,
}

/// Every entry under `dir`, as `/`-separated paths relative to `root`. Links are not followed.
fn walk(root: &Path, dir: &Path, out: &mut Walk) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        if out.files.len() + out.refused.len() >= MAX_PACKAGE_FILES {
            out.truncated = true;
            return Ok(());
        }
        let e = e?;
        let t = e.file_type()?;
        if t.is_dir() {
            walk(root, &e.path(), out)?;
            continue;
        }
        let rel = e.path().strip_prefix(root).map(Path::to_path_buf).unwrap_or_else(|_| e.path());
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if t.is_file() {
            out.files.push(rel);
        } else if t.is_symlink() {
            out.refused.push((rel, Text::new("a symbolic link", "un lien symbolique")));
        } else {
            out.refused
                .push((rel, Text::new("a device, pipe or socket", "un périphérique, un tube ou un socket")));
        }
    }
    Ok(())
}

/// A file name safe in a package: letters, digits, `.`, `-`, `_`; others become `_`.
pub fn safe_name(s: &str) -> String {
    let n: String = s
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' })
        .collect();
    let n = n.trim_start_matches('.').to_string();
    if n.is_empty() { "file".into() } else { n }
}

/// This machine's public key, when a signing key exists in `dir` (never creates one).
pub fn own_public_key(dir: &Path) -> Option<VerifyingKey> {
    if !dir.join(KEY_FILE).is_file() {
        return None;
    }
    load_or_create_key(dir).ok().map(|(k, _)| k.verifying_key())
}

/// The sentences of the package, each one [`Template`](crate::words::Template) for both languages
/// (issue 14).
mod w {
    use crate::words::Template;

    pub const OLD_KEY_LEFT: Template = Template::new(
        &["old", "new"],
        "an older package signing key is still in {old}; citcert signs with {new}. Delete the old \
         one (keep a copy if you still need to show packages it signed).",
        "une ancienne clé de signature des paquets est encore dans {old}; citcert signe avec {new}. \
         Supprimez l'ancienne (gardez-en une copie si vous devez encore montrer des paquets \
         qu'elle a signés).",
    );
    pub const KEY_MOVED: Template = Template::new(
        &["old", "new"],
        "moved the package signing key from {old} to {new}: a private key belongs in the data folder, \
         not with settings that are often shared.",
        "clé de signature des paquets déplacée de {old} vers {new} : une clé privée va dans le dossier \
         de données, pas avec les réglages, souvent partagés.",
    );
    pub const NOT_A_KEY_FILE: Template = Template::new(
        &["path"],
        "{path}: not a citcert signing key (not a small regular file); move it away",
        "{path} : ce n'est pas une clé de signature citcert (pas un petit fichier ordinaire); déplacez-le",
    );
    pub const NOT_A_KEY: Template = Template::new(
        &["path"],
        "{path}: not a citcert signing key (64 hex digits expected); move it away to make a new key",
        "{path} : ce n'est pas une clé de signature citcert (64 chiffres hexadécimaux attendus); \
         déplacez ce fichier ailleurs pour créer une nouvelle clé",
    );
    pub const UNUSABLE_NAME: Template = Template::new(
        &["path"],
        "{path}: not a usable file name in a package",
        "{path} : ce nom de fichier ne peut pas servir dans un paquet",
    );
    pub const OUT_IS_A_LINK: Template = Template::new(
        &["out"],
        "{out}: is a symbolic link; give the path of a new folder (citcert creates it)",
        "{out} : c'est un lien symbolique; donnez le chemin d'un nouveau dossier (citcert le crée)",
    );
    pub const OUT_NOT_A_FOLDER: Template = Template::new(
        &["out"],
        "{out}: exists and is not a folder; give the path of a new folder (citcert creates it)",
        "{out} : existe et n'est pas un dossier; donnez le chemin d'un nouveau dossier (citcert le crée)",
    );
    pub const OUT_NOT_EMPTY: Template = Template::new(
        &["out"],
        "{out}: the folder exists and is not empty; choose a new folder for the package",
        "{out} : le dossier existe et n'est pas vide; choisissez un nouveau dossier pour le paquet",
    );
    /// `mode`: four octal digits, "0777".
    #[cfg_attr(not(unix), allow(dead_code))]
    pub const OUT_WRITABLE_BY_OTHERS: Template = Template::new(
        &["out", "mode"],
        "{out}: other users can write to this folder (mode {mode}), so they could plant \
         links in it while the package is written; give the path of a new folder (citcert \
         creates it)",
        "{out} : d'autres utilisateurs peuvent écrire dans ce dossier (mode {mode}) et \
         pourraient y placer des liens pendant l'écriture du paquet; donnez le chemin d'un \
         nouveau dossier (citcert le crée)",
    );
    pub const NOT_A_PACKAGE_FOLDER: Template = Template::new(
        &["dir"],
        "{dir}: not a folder; give a package folder",
        "{dir} : ce n'est pas un dossier; donnez le dossier d'un paquet",
    );
    pub const INCOMPLETE: Template = Template::new(
        &["name", "reason"],
        "{name}: cannot be read ({reason}); the package is incomplete",
        "{name} : illisible : {reason}; le paquet est incomplet",
    );
    pub const NOT_A_PUBLIC_KEY: Template = Template::new(
        &["file"],
        "{file}: altered: not an Ed25519 public key",
        "{file} : modifié : ce n'est pas une clé publique Ed25519",
    );
    pub const NOT_A_SIGNATURE: Template = Template::new(
        &["file"],
        "{file}: altered: not an Ed25519 signature",
        "{file} : modifié : ce n'est pas une signature Ed25519",
    );
    pub const BAD_SIGNATURE: Template = Template::new(
        &["manifest", "signature", "key"],
        "bad signature: {manifest}, {signature} or {key} was altered (the signature does not match)",
        "signature non valide : {manifest}, {signature} ou {key} a été modifié (la signature \
         ne correspond pas)",
    );
    pub const NOT_A_MANIFEST: Template = Template::new(
        &["file", "reason"],
        "{file}: altered: not a citcert manifest ({reason})",
        "{file} : modifié : ce n'est pas un manifeste citcert ({reason})",
    );
    pub const TOO_MANY_FILES: Template = Template::new(
        &["max"],
        "more than {max} files: not a citcert package; only the first were checked",
        "plus de {max} fichiers : ce n'est pas un paquet citcert; seuls les premiers ont \
         été vérifiés",
    );
    /// `what`: what the entry is instead ("a symbolic link").
    pub const NOT_A_FILE: Template = Template::new(
        &["path", "what"],
        "{path}: refused: {what}, not a file; a package holds regular files only",
        "{path} : refusé : {what}, pas un fichier; un paquet ne contient que des fichiers ordinaires",
    );
    pub const OTHER_FINGERPRINT: Template = Template::new(
        &["key", "manifest"],
        "{key}: altered: its fingerprint is not the one in {manifest}",
        "{key} : modifié : son empreinte n'est pas celle de {manifest}",
    );
    pub const UNSAFE_PATH: Template = Template::new(
        &["manifest", "path"],
        "{manifest}: lists an unsafe path “{path}”",
        "{manifest} : contient un chemin dangereux « {path} »",
    );
    pub const LISTED_TWICE: Template = Template::new(
        &["manifest", "path"],
        "{manifest}: lists “{path}” twice",
        "{manifest} : contient « {path} » deux fois",
    );
    pub const CANNOT_READ: Template = Template::new(
        &["path", "reason"],
        "{path}: cannot be read ({reason})",
        "{path} : illisible : {reason}",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn mode(p: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn an_old_key_moves_to_the_data_folder() {
        let t = tempfile::tempdir().unwrap();
        let (config, data) = (t.path().join("config/citcert"), t.path().join("data/citcert"));
        // No old key: nothing to do, nothing made.
        assert!(move_old_key(&config, &data).unwrap().is_none());
        assert!(!data.exists());
        let (old_key, _) = load_or_create_key(&config).unwrap();
        let notice = move_old_key(&config, &data).unwrap().expect("a notice");
        assert!(notice.en.starts_with("moved the package signing key from "), "{}", notice.en);
        assert!(notice.fr.contains("déplacée de"), "{}", notice.fr);
        assert!(!config.join(KEY_FILE).exists(), "the old key is gone");
        let (key, created) = load_or_create_key(&data).unwrap();
        assert!(!created);
        assert_eq!(key.to_bytes(), old_key.to_bytes(), "the same key, moved");
        #[cfg(unix)]
        assert_eq!((mode(&data), mode(&data.join(KEY_FILE))), (0o700, 0o600));
        // Moved once: the next run says nothing.
        assert!(move_old_key(&config, &data).unwrap().is_none());
        // A key in both places: the data folder's is kept, the old one left, and said.
        load_or_create_key(&config).unwrap();
        let notice = move_old_key(&config, &data).unwrap().expect("a notice");
        assert!(notice.en.contains("an older package signing key is still in"), "{}", notice.en);
        assert_eq!(load_or_create_key(&data).unwrap().0.to_bytes(), old_key.to_bytes());
        assert!(config.join(KEY_FILE).exists());
        // One folder for both (macOS): nothing moves.
        assert!(move_old_key(&data, &data).unwrap().is_none());
    }

    #[test]
    fn hex_is_strict() {
        assert_eq!(parse_hex::<2>("0aFf\n"), Some([0x0a, 0xff]));
        // from_str_radix read "+a" as 0x0a: a key with a plus sign passed.
        assert_eq!(parse_hex::<2>("+a0b"), None);
        assert_eq!(parse_hex::<2>("0a+b"), None);
        assert_eq!(parse_hex::<2>("-a0b"), None);
        assert_eq!(parse_hex::<2>("0a0"), None);
        assert_eq!(parse_hex::<2>("0a0b0c"), None);
        assert_eq!(parse_hex::<2>("0a 0b"), None);
        assert_eq!(parse_hex::<2>("é0b"), None);
    }
}

#[cfg(test)]
mod error_tests {
    use super::*;

    /// Fails to compile when a kind is added, until the test below has it too.
    fn _every_kind_is_listed(e: &PackageError) {
        match e {
            PackageError::Io { .. } | PackageError::Invalid(_) => {}
        }
    }

    #[test]
    fn every_kind_has_words_in_english_and_in_french() {
        let io = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        for e in [
            PackageError::Io { path: "/p/manifest.json".into(), source: io },
            PackageError::Invalid(Text::new(
                "the signature does not match",
                "la signature ne correspond pas",
            )),
        ] {
            let t = e.explain();
            assert!(!t.en.trim().is_empty() && !t.fr.trim().is_empty(), "{e:?}");
            assert_ne!(t.en, t.fr, "{e:?}");
            assert_eq!(e.words(Lang::Fr), t.fr);
            assert_eq!(e.to_string(), t.en, "Display is the English");
        }
        let io = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let t = PackageError::Io { path: "/p/manifest.json".into(), source: io }.explain();
        assert!(t.en.starts_with("/p/manifest.json: ") && t.fr.starts_with("/p/manifest.json : "), "{t:?}");
        assert!(t.fr.contains("permission refusée"), "{}", t.fr);
    }
}
