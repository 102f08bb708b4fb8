//! Prints the layout block of a data set file: its force layout settled ahead, as JSON
//! (`atlas_core::precomputed`). `tools/postbuild.mjs` runs it to put the block in the built pages.
//!
//! Usage: `cargo run -p atlas-core --example layout_block -- www/data/lang-ping-2023.json`

use atlas_core::precomputed::layout_block_json;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: layout_block DATA_SET.json");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(&path) {
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
                eprintln!("{path}: {}", problem.describe(atlas_core::Lang::En));
            }
            ExitCode::FAILURE
        }
    }
}
