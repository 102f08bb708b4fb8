//! Pinned positions: a dragged node stays where it was put, across reloads (in guarded
//! storage, by node id, per data set); double-click or U releases it.

use super::runtime::Graph;
use crate::browser::storage;
use crate::state::{AppState, Notice};
use atlas_core::saved::{pins_envelope, read_pins_envelope, Pin};
use leptos::prelude::*;

/// The storage key of the pins of the shown data set.
fn key(state: &AppState) -> String {
    key_of(state.source.get_untracked().key())
}

/// The storage key of the pins of the data set whose source key is `source_key`.
fn key_of(source_key: &str) -> String {
    format!("v1:pins:{source_key}")
}

/// Forgets the pins kept for the data set whose source key is `source_key` (a draft that another
/// reading replaced: its pins would land on the new reading's nodes of the same ids).
#[cfg(feature = "editor")]
pub fn forget(source_key: &str) {
    storage::remove(&key_of(source_key));
}

/// Keeps the pinned positions in storage; says once when this browser cannot keep them.
pub fn save(state: &AppState, graph: &Graph) {
    let pins: Vec<Pin> = graph.with(|rt| {
        rt.pinned
            .iter()
            .filter_map(|&i| {
                Some(Pin { id: rt.scene.model.nodes.get(i)?.id.clone(), x: rt.world_xs[i], y: rt.world_ys[i] })
            })
            .collect()
    });
    let result = if pins.is_empty() {
        storage::remove(&key(state));
        Ok(())
    } else {
        storage::set(&key(state), &pins_envelope(&pins))
    };
    if result.is_err() {
        state.notify(Notice::text(
            "此处的浏览器无法保存固定的位置，仅在本次访问中有效。",
            "Pinned positions cannot be kept in this browser here; they last for this visit.",
        ));
    }
}

/// Applies the pins saved for this data set; a damaged saved copy is reported and left alone.
pub fn restore(state: &AppState, graph: &Graph) {
    let Some(text) = storage::get(&key(state)) else { return };
    match read_pins_envelope(&text) {
        Ok(pins) => {
            let mut rt = graph.borrow_mut();
            for pin in pins {
                if let Some(i) = rt.scene.model.node_idx(&pin.id) {
                    rt.simulation.pin(i, pin.x, pin.y);
                    rt.world_xs[i] = pin.x;
                    rt.world_ys[i] = pin.y;
                    rt.pinned.insert(i);
                }
            }
        }
        Err(problem) => state.notify(Notice::text(
            format!("已忽略保存的固定位置：{}。", problem.describe(atlas_core::Lang::Zh)),
            format!("Saved pinned positions were ignored: {}.", problem.describe(atlas_core::Lang::En)),
        )),
    }
}

/// Releases node `i`'s pin and lets the layout settle around it.
pub fn release(state: &AppState, graph: &Graph, i: usize) {
    let released = {
        let mut rt = graph.borrow_mut();
        let was = rt.pinned.remove(&i);
        if was {
            rt.hold_others(i);
            rt.simulation.unpin(i);
            if rt.simulation.alpha() < 0.2 {
                rt.simulation.set_alpha(0.2);
            }
            rt.restyle();
        }
        was
    };
    if released {
        save(state, graph);
        graph.run();
    }
}
