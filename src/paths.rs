//! Platform directories and owner-only file writes.
//!
//! `PSH_CACHE_DIR` and `PSH_DATA_DIR` override the cache and data
//! directories; the configuration file is chosen by `--config` or
//! `PSH_CONFIG` instead.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use directories::ProjectDirs;

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "plenty-service-helper")
}

pub fn config_dir() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.config_dir().to_path_buf())
}

/// Directory of the token cache.
pub fn cache_dir() -> Option<PathBuf> {
    env_dir("PSH_CACHE_DIR").or_else(|| project_dirs().map(|dirs| dirs.cache_dir().to_path_buf()))
}

/// Directory of the outbox database.
pub fn data_dir() -> Option<PathBuf> {
    env_dir("PSH_DATA_DIR").or_else(|| project_dirs().map(|dirs| dirs.data_dir().to_path_buf()))
}

fn env_dir(var: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
}

/// Largest payload or template file read, in bytes: the webhook's own
/// body limit, far above any real purchase event or message template.
pub const MAX_INPUT_FILE: u64 = 1024 * 1024;

/// Reads at most [`MAX_INPUT_FILE`] bytes of `path`; a larger file (or a
/// device such as `/dev/zero`) is an error instead of exhausting memory.
pub fn read_limited(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    fs::File::open(path)?
        .take(MAX_INPUT_FILE + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_INPUT_FILE {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("the file is larger than {MAX_INPUT_FILE} bytes"),
        ));
    }
    Ok(bytes)
}

/// Writes `bytes` to `path` through a temporary file and a rename, so a
/// reader sees the old or the new content, never half of it. The file gets
/// mode 0600 on every write; a directory this creates gets mode 0700.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    create_private_dir(dir)?;

    let file_name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = write_then_rename(&temp, path, bytes);
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn write_then_rename(temp: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(temp)?;
    set_mode(temp, 0o600)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    fs::rename(temp, path)?;
    set_mode(path, 0o600)
}

/// Creates `dir` (and its parents) with mode 0700 where it does not exist.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.exists() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

#[cfg(unix)]
pub fn set_mode(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
pub fn set_mode(_path: &Path, _mode: u32) -> std::io::Result<()> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn private_write_sets_modes() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("new/dir/secret.toml");
        write_private(&path, b"a").unwrap();
        set_mode(&path, 0o644).unwrap();
        write_private(&path, b"b").unwrap();
        let file_mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        let dir_mode = fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(file_mode, 0o600);
        assert_eq!(dir_mode, 0o700);
        assert_eq!(fs::read(&path).unwrap(), b"b");
    }
}
