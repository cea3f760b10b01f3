//! File-system primitives for secrets: private folders and files, the atomic save, and
//! overwrite-then-remove. Unix permissions; on other systems the modes are not enforced.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use super::DraftError;
use crate::engine::text::Text;
use crate::words::Template;

/// Mode of the drafts folder and of `damaged/`.
pub const DIR_MODE: u32 = 0o700;
/// Mode of every draft, backup, temp and lock file.
pub const FILE_MODE: u32 = 0o600;

/// A `--drafts-dir` (or another path) that is there but is not a folder.
const NOT_A_FOLDER: Template = Template::new(
    &["path"],
    "{path}: exists but is not a folder; choose another --drafts-dir",
    "{path} : existe mais n'est pas un dossier; choisissez un autre --drafts-dir",
);

/// A folder or file others may read or change: what it is, its mode, and the mode it should have.
#[cfg_attr(not(unix), allow(dead_code))]
const LOOSE_MODE: Template = Template::new(
    &["path", "what", "mode", "want"],
    "{path}: {what} can be read or changed by other users (mode {mode}); run `chmod {want} {path}`",
    "{path} : {what} peut être lu ou modifié par d'autres utilisateurs (mode {mode}); \
     exécutez `chmod {want} {path}`",
);

/// Creates `dir` (and missing parents) as 0700, or checks an existing one.
/// Returns a warning when an existing folder is readable or writable by others.
pub fn ensure_private_dir(dir: &Path) -> Result<Option<Text>, DraftError> {
    match fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(loose_mode_warning(dir, &m, Kind::Folder)),
        Ok(_) => {
            let d = crate::safe_text::path(dir);
            Err(DraftError::Invalid(crate::fill_text!(NOT_A_FOLDER, path = d)))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let mut b = fs::DirBuilder::new();
            b.recursive(true);
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut b, DIR_MODE);
            b.create(dir).map_err(|e| DraftError::io(dir, e))?;
            Ok(None)
        }
        Err(e) => Err(DraftError::io(dir, e)),
    }
}

/// What a loose-mode warning is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Folder,
    File,
    /// The folder of the package signing key.
    KeyFolder,
    /// A package folder (answers, summary and copies of documents).
    PackageFolder,
}

/// "…: readable by others (mode 0755); run chmod 700 …" when `meta` grants anything to group/others.
pub fn loose_mode_warning(path: &Path, meta: &fs::Metadata, kind: Kind) -> Option<Text> {
    #[cfg(unix)]
    {
        use crate::words::Fixed;
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            let (want, what) = match kind {
                Kind::Folder => (DIR_MODE, Fixed::new("this drafts folder", "ce dossier de brouillons")),
                Kind::File => (FILE_MODE, Fixed::new("this drafts file", "ce fichier de brouillon")),
                Kind::KeyFolder => (
                    DIR_MODE,
                    Fixed::new("the folder of your signing key", "le dossier de votre clé de signature"),
                ),
                Kind::PackageFolder => (
                    DIR_MODE,
                    Fixed::new(
                        "this package folder, which holds personal data,",
                        "ce dossier de paquet, qui contient des renseignements personnels,",
                    ),
                ),
            };
            let p = crate::safe_text::path(path);
            return Some(crate::fill_text!(
                LOOSE_MODE,
                path = p,
                what = what,
                mode = format!("{mode:04o}"),
                want = format!("{want:o}"),
            ));
        }
    }
    #[cfg(not(unix))]
    let _ = (path, meta, kind);
    None
}

/// Opens `path` for writing, created 0600 (truncating any old content).
pub fn create_private(path: &Path) -> io::Result<File> {
    let mut o = OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, FILE_MODE);
    let f = o.open(path)?;
    // An existing file keeps its old mode on open: tighten it.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if f.metadata()?.permissions().mode() & 0o077 != 0 {
            f.set_permissions(fs::Permissions::from_mode(FILE_MODE))?;
        }
    }
    Ok(f)
}

/// Makes a rename or unlink in `dir` durable.
pub fn fsync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// The atomic save. `dir/name` ends up holding exactly `bytes`, or keeps its old content: a crash
/// at any instant leaves one or the other, never a mix.
///
/// 1. write `dir/tmp_name` (0600) and fsync it;
/// 2. if `backup_name` is given and `dir/name` exists, make `dir/backup_name` a hard link to the
///    old version (a copy where hard links are not supported) — `dir/name` is never absent;
/// 3. rename the temp file over `dir/name` (atomic on POSIX) and fsync the folder.
pub fn atomic_write(
    dir: &Path,
    name: &str,
    tmp_name: &str,
    backup_name: Option<&str>,
    bytes: &[u8],
) -> Result<(), DraftError> {
    let target = dir.join(name);
    let tmp = dir.join(tmp_name);
    let write_tmp = || -> io::Result<()> {
        let mut f = create_private(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()
    };
    if let Err(e) = write_tmp() {
        let _ = fs::remove_file(&tmp);
        return Err(DraftError::io(&tmp, e));
    }
    if let Some(bak) = backup_name {
        let bak = dir.join(bak);
        if target.exists() {
            match fs::remove_file(&bak) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(DraftError::io(&bak, e)),
            }
            if fs::hard_link(&target, &bak).is_err() {
                copy_private(&target, &bak).map_err(|e| DraftError::io(&bak, e))?;
            }
        }
    }
    if let Err(e) = fs::rename(&tmp, &target) {
        let _ = fs::remove_file(&tmp);
        return Err(DraftError::io(&target, e));
    }
    fsync_dir(dir).map_err(|e| DraftError::io(dir, e))
}

fn copy_private(from: &Path, to: &Path) -> io::Result<()> {
    let bytes = fs::read(from)?;
    let mut f = create_private(to)?;
    f.write_all(&bytes)?;
    f.sync_all()
}

/// Overwrites the file's bytes with zeros, fsyncs, then removes it. A missing file is fine.
/// Does not fsync the folder (the caller does, once, after removing a group of files).
///
/// Only a regular file with no other name is overwritten: a symbolic link, or a file with a hard
/// link elsewhere (which may be a copy someone keeps on purpose, outside the drafts folder), is only
/// unlinked — the other name keeps its content. Zero-filling is no erasure on SSDs or copy-on-write
/// file systems (SECURITY.md); it only keeps the bytes out of reach of a simple file-recovery tool.
pub fn overwrite_and_remove(path: &Path) -> io::Result<()> {
    let mut o = OpenOptions::new();
    o.write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut o, libc::O_NOFOLLOW | libc::O_NONBLOCK);
    let opened = match o.open(path) {
        Ok(f) => Some(f),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        // A link (ELOOP), a FIFO with no reader (ENXIO), a folder: nothing to overwrite; unlink it.
        Err(_) => None,
    };
    if let Some(mut f) = opened {
        let meta = f.metadata()?;
        #[cfg(unix)]
        let single = std::os::unix::fs::MetadataExt::nlink(&meta) == 1;
        #[cfg(not(unix))]
        let single = true;
        if meta.is_file() && single {
            let len = meta.len();
            let zeros = [0u8; 8192];
            let mut left = len;
            while left > 0 {
                let n = left.min(zeros.len() as u64) as usize;
                f.write_all(&zeros[..n])?;
                left -= n as u64;
            }
            f.sync_all()?;
        }
    }
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// The message of the error [`open_regular`] gives for anything but a regular file.
pub const NOT_REGULAR: &str = "not a regular file (a folder, device, pipe or socket)";
/// The message of the error [`open_regular`] gives for a symbolic link it was told not to follow.
pub const IS_LINK: &str = "a symbolic link, which is not followed here";

/// Opens `path` for reading if, and only if, it is a regular file — without ever blocking: a FIFO
/// is refused, not waited on (the open is non-blocking), and so is a device such as /dev/zero.
/// With `follow_links` false, a symbolic link at `path` itself is refused too ([`IS_LINK`]).
/// Returns the file and its metadata (from the open file, so they describe what will be read).
pub fn open_regular(path: &Path, follow_links: bool) -> io::Result<(File, fs::Metadata)> {
    #[cfg(not(unix))]
    let _ = follow_links; // Windows: a link is opened as what it points to; the regular-file check stays.
    let mut o = OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        let mut flags = libc::O_NONBLOCK;
        if !follow_links {
            flags |= libc::O_NOFOLLOW;
        }
        std::os::unix::fs::OpenOptionsExt::custom_flags(&mut o, flags);
    }
    let f = match o.open(path) {
        Ok(f) => f,
        #[cfg(unix)]
        Err(e) if !follow_links && e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, IS_LINK));
        }
        Err(e) => return Err(e),
    };
    let meta = f.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, NOT_REGULAR));
    }
    Ok((f, meta))
}

/// Reads a whole regular file ([`open_regular`]) of at most `max` bytes; a larger one is refused
/// with [`io::ErrorKind::FileTooLarge`] after reading at most `max + 1` bytes.
pub fn read_regular(path: &Path, max: u64, follow_links: bool) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let (f, meta) = open_regular(path, follow_links)?;
    if meta.len() > max {
        return Err(too_large(max));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    f.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(too_large(max));
    }
    Ok(bytes)
}

fn too_large(max: u64) -> io::Error {
    io::Error::new(io::ErrorKind::FileTooLarge, format!("larger than the {max}-byte limit"))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    /// The warning and the error word for word in both languages (issue 14: each one `Template`).
    #[test]
    fn loose_modes_and_a_file_for_a_folder_are_named_word_for_word() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("drafts");
        fs::create_dir(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        let p = dir.display();
        let w = ensure_private_dir(&dir).unwrap().expect("a warning for mode 0755");
        assert_eq!(
            w.en,
            format!(
                "{p}: this drafts folder can be read or changed by other users (mode 0755); run `chmod 700 {p}`"
            )
        );
        assert_eq!(
            w.fr,
            format!(
                "{p} : ce dossier de brouillons peut être lu ou modifié par d'autres utilisateurs (mode 0755); \
                 exécutez `chmod 700 {p}`"
            )
        );
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
        assert!(ensure_private_dir(&dir).unwrap().is_none());

        let file = dir.join("a-file");
        fs::write(&file, "x").unwrap();
        fs::set_permissions(&file, fs::Permissions::from_mode(0o640)).unwrap();
        let m = fs::metadata(&file).unwrap();
        let f = file.display();
        let w = loose_mode_warning(&file, &m, Kind::File).unwrap();
        assert_eq!(
            w.en,
            format!(
                "{f}: this drafts file can be read or changed by other users (mode 0640); run `chmod 600 {f}`"
            )
        );
        let Err(DraftError::Invalid(e)) = ensure_private_dir(&file) else { panic!("a file is not a folder") };
        assert_eq!(e.en, format!("{f}: exists but is not a folder; choose another --drafts-dir"));
        assert_eq!(e.fr, format!("{f} : existe mais n'est pas un dossier; choisissez un autre --drafts-dir"));
    }
}
