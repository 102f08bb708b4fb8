//! Prints the layout block of a data set: its force layout settled ahead, as JSON
//! (`atlas_core::precomputed`), keyed by the fingerprint of the text exactly as given. A page's
//! data block holds the text with every `<` written `\u003c` and LF line ends, so give it that
//! text: `tools/data-block.mjs` does (it pipes it in, as `-`), for the build and as a command.
//!
//! Usage: `cargo run -p atlas-core --example layout_block -- DATA_SET.json` (or `-` for stdin)

// A command-line tool: its output is what it is for.
#![allow(clippy::print_stdout)]

use atlas_core::precomputed::layout_block_json;
use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: layout_block DATA_SET.json (or - to read standard input)");
        return ExitCode::FAILURE;
    };
    let read = if path == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map(|_| text)
    } else {
        std::fs::read_to_string(&path)
    };
    let text = match read {
        Ok(text) => text,
        Err(err) => {
            eprintln!("{path}: cannot read: {err}");
            return ExitCode::FAILURE;
        }
    };
    match layout_block_json(&text) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for problem in problems {
                let place = if path == "-" { "data set" } else { path.as_str() };
                eprintln!("{place}: {}", problem.describe(atlas_core::Lang::En));
            }
            ExitCode::FAILURE
        }
    }
}
