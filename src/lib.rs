//! whatcode: explains protocol and system codes, offline, in a terminal browser or on the command
//! line. The library holds everything so that tests can drive it without a terminal.

pub mod action;
pub mod app;
pub mod catalog;
pub mod cli;
pub mod compare;
pub mod config;
pub mod json;
pub mod keymap;
pub mod links;
pub mod manpage;
pub mod markdown;
pub mod mouse;
pub mod pager;
pub mod paths;
pub mod query_line;
pub mod report;
pub mod sanitize;
pub mod scan;
pub mod search;
pub mod strings;
pub mod theme;
pub mod tui;
pub mod ui;
