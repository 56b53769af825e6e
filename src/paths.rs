//! Where whatcode keeps the user's files on each platform: the data folder (user code files), the
//! cache folder (parsed user files) and the config folder. One table, so the three agree.

use std::path::PathBuf;

/// A kind of per-user folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Folder {
    Data,
    Cache,
    Config,
}

impl Folder {
    /// (whatcode's override variable, the XDG variable, under $HOME, under $HOME on macOS,
    /// the Windows variable)
    fn places(self) -> (Option<&'static str>, &'static str, &'static str, &'static str, &'static str) {
        match self {
            Folder::Data => {
                (Some("WHATCODE_DATA_DIR"), "XDG_DATA_HOME", ".local/share", "Library/Application Support", "APPDATA")
            }
            Folder::Cache => (Some("WHATCODE_CACHE_DIR"), "XDG_CACHE_HOME", ".cache", "Library/Caches", "LOCALAPPDATA"),
            Folder::Config => (None, "XDG_CONFIG_HOME", ".config", ".config", "APPDATA"),
        }
    }

    /// whatcode's folder of this kind: the override variable if set, else `$XDG_…/whatcode`, else
    /// the platform's usual place.
    pub fn path(self) -> Option<PathBuf> {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
        let (own, xdg, home_dir, mac_dir, windows) = self.places();
        if let Some(dir) = own.and_then(var) {
            return Some(dir);
        }
        if let Some(dir) = var(xdg) {
            return Some(dir.join("whatcode"));
        }
        if cfg!(windows) {
            return var(windows).map(|d| d.join("whatcode"));
        }
        let home = var("HOME")?;
        Some(home.join(if cfg!(target_os = "macos") { mac_dir } else { home_dir }).join("whatcode"))
    }
}
