//! The configuration file: where it lives, reading it, and writing it with
//! owner-only permissions.

use std::fs;
use std::path::{Path, PathBuf};

use super::PartialConfig;
use crate::paths;

/// A configuration file that cannot be read or written.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("configuration file {path} not found; run 'plenty-service-helper setup' to create it")]
    NotFound { path: PathBuf },
    #[error("configuration file {path} could not be read: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("configuration file {path} is not valid TOML: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("configuration file {path} could not be written: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The platform's configuration file (on Linux
/// `~/.config/plenty-service-helper/config.toml`).
pub fn default_config_path() -> Option<PathBuf> {
    paths::config_dir().map(|dir| dir.join("config.toml"))
}

/// Reads a configuration file. A missing file is `Ok(None)`.
pub fn read_file(path: &Path) -> Result<Option<PartialConfig>, FileError> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(FileError::Read {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    toml::from_str(&text)
        .map(Some)
        .map_err(|error| FileError::Parse {
            path: path.to_path_buf(),
            message: error.to_string(),
        })
}

/// Writes the configuration atomically with mode 0600, creating its
/// directory with mode 0700.
pub fn write_file(path: &Path, config: &PartialConfig) -> Result<(), FileError> {
    let text = toml::to_string_pretty(config).expect("configuration always serialises");
    let text = format!(
        "# plenty-service-helper configuration. Holds the plentymarkets password:\n\
         # keep it readable by its owner only (mode 0600).\n\n{text}"
    );
    let write_error = |source| FileError::Write {
        path: path.to_path_buf(),
        source,
    };
    paths::write_private(path, text.as_bytes()).map_err(write_error)?;
    // The platform directory is ours alone; a directory the user named
    // with --config may be shared, so its mode is left as it is.
    if let (Some(dir), Some(own)) = (path.parent(), paths::config_dir()) {
        if dir == own {
            paths::set_mode(dir, 0o700).map_err(write_error)?;
        }
    }
    Ok(())
}

/// True when users other than the owner may read the file.
#[cfg(unix)]
pub fn readable_by_others(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path)
        .map(|meta| meta.permissions().mode() & 0o077 != 0)
        .unwrap_or(false)
}

#[cfg(not(unix))]
pub fn readable_by_others(_path: &Path) -> bool {
    false
}
