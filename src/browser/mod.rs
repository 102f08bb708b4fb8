//! Adapters for the browser's edges. Each owns one kind of outside contact, offers a plain
//! interface, and lets no failure escape: the rest of the app never touches `web_sys` for these.

pub mod dom;
pub mod download;
pub mod embed;
pub mod fullscreen;
pub mod one_file;
pub mod panic_card;
pub mod presenter;
pub mod storage;
pub mod text_measure;
pub mod url;
