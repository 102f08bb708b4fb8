//! Validates data set files and prints every problem with its path, or a summary.
//!
//! Usage: `cargo run -p atlas-core --example validate -- www/data/*.json`

// A command-line tool: its output is what it is for.
#![allow(clippy::print_stdout)]

use atlas_core::{load_data_set, Lang, NodeKind};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) => {
                eprintln!("{path}: cannot read: {err}");
                failed = true;
                continue;
            }
        };
        match load_data_set(&text) {
            Ok(model) => {
                let kinds: Vec<String> = NodeKind::ALL
                    .iter()
                    .map(|k| format!("{} {}", model.nodes.iter().filter(|n| n.kind == *k).count(), k.code()))
                    .collect();
                println!(
                    "{path}: ok: {} nodes ({}), {} links, {} events, {} tour steps",
                    model.nodes.len(),
                    kinds.join(", "),
                    model.links.len(),
                    model.events.len(),
                    model.tour.len()
                );
            }
            Err(problems) => {
                failed = true;
                for p in &problems {
                    println!("{path}: {}", p.describe(Lang::En));
                }
                println!("{path}: {} problems", problems.len());
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
