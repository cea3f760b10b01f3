//! The advisory lock: a citcert that opens a draft for writing holds an exclusive lock on
//! `<id>.lock` (not on the draft itself, which every save replaces). A second citcert that
//! cannot take it gets the draft read-only. The lock goes away with the process, even on kill -9.
//! The lock file stays (empty); removing it would let two processes lock two different files.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

use super::DraftError;

/// Held while a draft is open for writing; released on drop.
#[derive(Debug)]
pub struct DraftLock {
    _file: File,
    path: PathBuf,
}

impl DraftLock {
    /// `Ok(None)` when another process holds the lock.
    pub fn try_acquire(dir: &Path, id: &str) -> Result<Option<DraftLock>, DraftError> {
        let path = dir.join(format!("{id}.lock"));
        let mut o = std::fs::OpenOptions::new();
        o.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut o, super::fsutil::FILE_MODE);
        let file = o.open(&path).map_err(|e| DraftError::io(&path, e))?;
        // A few short retries: a process forked by this one (or by another citcert) holds a copy of
        // the descriptor for the instant before its exec closes it.
        for attempt in 0..5 {
            match file.try_lock() {
                Ok(()) => return Ok(Some(DraftLock { _file: file, path })),
                Err(TryLockError::WouldBlock) if attempt < 4 => {
                    std::thread::sleep(std::time::Duration::from_millis(10))
                }
                Err(TryLockError::WouldBlock) => return Ok(None),
                Err(TryLockError::Error(e)) => return Err(DraftError::io(&path, e)),
            }
        }
        Ok(None)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}
