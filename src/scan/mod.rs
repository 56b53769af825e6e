//! Finding codes in text: the mention patterns and `says` phrases of every family, compiled once
//! from the catalog, run over log lines as they stream in. Plain data out ([`Finding`],
//! [`Tally`]); the views live with the others (`report`, `json`, `ui`).

mod count;
mod files;
pub mod lines;
mod literals;
mod matcher;
pub mod tally;
mod unfiltered;

pub use count::tally_reader;
pub use files::tally_file;
pub use matcher::{Finding, Scanner, Scratch};
pub use tally::{Evidence, Stat, Tally};
