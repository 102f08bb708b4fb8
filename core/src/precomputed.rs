//! A force layout computed ahead, at build time, for one data set: the built page carries it as
//! a JSON block beside the data block, so the app's start skips settling the simulation (a
//! third of the core's start-up work on the default data set).
//!
//! The block names the data set it belongs to by the fingerprint of its exact text as the
//! page's data block holds it ([`crate::saved::fingerprint`]); the app uses it only when that
//! matches the data block it read and the positions fit the model (one finite pair per node,
//! within the simulation's range). Anything else (a swapped
//! data block, a hand-edited or truncated layout block) is ignored and the layout is settled in
//! the page, which gives the same picture: [`crate::scene::settled_force_layout`] depends on the
//! data set alone.
//!
//! ```text
//! {"format":"argument-atlas-layout/1","data":"<fingerprint>","alpha":0.00098,"x":[...],"y":[...]}
//! ```

use crate::load::load_data_set;
use crate::model::Model;
use crate::problem::Problem;
use crate::saved::fingerprint;
use crate::scene::{settled_force_layout, ForceLayout, Scene};
use serde_json::Value;

/// The `format` of a layout block; a block of any other format is ignored.
pub const LAYOUT_FORMAT: &str = "argument-atlas-layout/1";

/// The layout block's JSON for a data set's text: validates it like the app does and settles
/// its force layout. Floats are written in their shortest exact form; read back, they are within
/// a unit in the last place (serde_json's fast float reader).
pub fn layout_block_json(data_text: &str) -> Result<String, Vec<Problem>> {
    layout_block_json_as_shown(data_text, None)
}

/// A map as a page shows it: its nodes' ids in order, and where its force layout put them.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownLayout {
    pub ids: Vec<String>,
    pub layout: ForceLayout,
}

impl ShownLayout {
    /// The map `scene` shows, laid out as the scene settled it.
    pub fn of(scene: &Scene) -> Self {
        Self::drawn(scene, scene.force_layout())
    }

    /// The map of `scene`'s nodes where a view draws them (`layout`, in the scene's node order).
    pub fn drawn(scene: &Scene, layout: ForceLayout) -> Self {
        ShownLayout { ids: scene.model.nodes.iter().map(|n| n.id.clone()).collect(), layout }
    }

    /// Whether this is a map of `model`'s nodes, in its order, as the simulation could leave it.
    fn is_of(&self, model: &Model) -> bool {
        self.ids.len() == model.nodes.len()
            && self.ids.iter().zip(&model.nodes).all(|(id, node)| *id == node.id)
            && self.layout.fits(model.nodes.len())
    }
}

/// [`layout_block_json`], with the layout `shown` where it is a map of the data set's nodes: a
/// reading published from the editor opens as its author last saw it (trial 19's student saw
/// another picture than the one the teacher had checked), not laid out anew. Anything else (no
/// map, another map, or one the simulation could not have made) is settled here.
pub fn layout_block_json_as_shown(data_text: &str, shown: Option<&ShownLayout>) -> Result<String, Vec<Problem>> {
    let model = load_data_set(data_text)?;
    let layout = match shown {
        Some(shown) if shown.is_of(&model) => shown.layout.clone(),
        _ => settled_force_layout(&model),
    };
    Ok(layout_block_of(&fingerprint(data_text), &layout))
}

/// The layout block that holds `layout` as it is, for the data text whose [`fingerprint`] is
/// `data_key` (unchecked: [`read_layout_block`] and the scene check it when it is read back).
pub fn layout_block_of(data_key: &str, layout: &ForceLayout) -> String {
    let block = serde_json::json!({
        "format": LAYOUT_FORMAT,
        "data": data_key,
        "alpha": layout.alpha,
        "x": layout.xs,
        "y": layout.ys,
    });
    block.to_string()
}

/// The layout in a layout block, if the block is well formed and belongs to the data text whose
/// [`fingerprint`] is `data_key`. Whether it fits the model is
/// [`crate::scene::Scene::new_measured_with`]'s check.
pub fn read_layout_block(block: &str, data_key: &str) -> Option<ForceLayout> {
    let value: Value = serde_json::from_str(block).ok()?;
    if value.get("format")?.as_str()? != LAYOUT_FORMAT || value.get("data")?.as_str()? != data_key {
        return None;
    }
    let numbers = |key: &str| -> Option<Vec<f64>> { value.get(key)?.as_array()?.iter().map(Value::as_f64).collect() };
    Some(ForceLayout { xs: numbers("x")?, ys: numbers("y")?, alpha: value.get("alpha")?.as_f64()? })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATA: &str = include_str!("../../www/data/lang-ping-2023.json");

    #[test]
    fn a_block_reads_back_as_the_layout_it_was_written_from() {
        let block = layout_block_json(DATA).expect("the built-in data set is valid");
        let read = read_layout_block(&block, &fingerprint(DATA)).expect("the block belongs to the data set");
        let model = load_data_set(DATA).unwrap();
        let settled = settled_force_layout(&model);
        assert_eq!(read.xs.len(), model.nodes.len());
        assert_eq!(read.ys.len(), model.nodes.len());
        // serde_json's fast float reader may land one unit in the last place away.
        let close = |a: &[f64], b: &[f64]| a.iter().zip(b).all(|(p, q)| (p - q).abs() <= 1e-12 * q.abs().max(1.0));
        assert!(close(&read.xs, &settled.xs) && close(&read.ys, &settled.ys));
        assert!((read.alpha - settled.alpha).abs() < 1e-15);
    }

    #[test]
    fn a_block_for_other_data_or_malformed_is_ignored() {
        let block = layout_block_json(DATA).unwrap();
        let other = DATA.replacen("\"nodes\"", " \"nodes\"", 1);
        assert!(read_layout_block(&block, &fingerprint(&other)).is_none(), "another text, another fingerprint");
        assert!(read_layout_block(&block[..block.len() / 2], &fingerprint(DATA)).is_none(), "truncated");
        assert!(
            read_layout_block(&block.replace(LAYOUT_FORMAT, "argument-atlas-layout/0"), &fingerprint(DATA)).is_none()
        );
        assert!(
            read_layout_block(&block.replacen("\"x\":[", "\"x\":[\"a\",", 1), &fingerprint(DATA)).is_none(),
            "a string among the numbers"
        );
        assert!(read_layout_block("null", &fingerprint(DATA)).is_none());
        assert!(layout_block_json("{").is_err());
    }

    #[test]
    fn a_map_shown_goes_into_the_block_only_when_it_is_a_map_of_the_reading() {
        let model = load_data_set(DATA).unwrap();
        let settled = settled_force_layout(&model);
        // The map an editor shows: the same nodes, somewhere else than a fresh settling puts them.
        let mut shown = ShownLayout::of(&Scene::new(model.clone()));
        shown.layout.xs.iter_mut().for_each(|x| *x += 100.0);
        let reversed = ShownLayout { ids: shown.ids.iter().rev().cloned().collect(), ..shown.clone() };
        let short = ShownLayout { ids: shown.ids[1..].to_vec(), ..shown.clone() };
        let mut astray = shown.clone();
        astray.layout.ys[3] = f64::NAN;
        let mut far = shown.clone();
        far.layout.xs[0] = 1e12;
        let mut hot = shown.clone();
        hot.layout.alpha = 2.0;
        let cases: [(&str, Option<&ShownLayout>, &[f64]); 7] = [
            ("no map shown", None, &settled.xs),
            ("the reading's own map", Some(&shown), &shown.layout.xs),
            ("its nodes in another order", Some(&reversed), &settled.xs),
            ("a node short", Some(&short), &settled.xs),
            ("a position that is not a number", Some(&astray), &settled.xs),
            ("a position out of the simulation's range", Some(&far), &settled.xs),
            ("an alpha the simulation cannot have", Some(&hot), &settled.xs),
        ];
        let close = |a: &[f64], b: &[f64]| a.iter().zip(b).all(|(p, q)| (p - q).abs() <= 1e-9 * q.abs().max(1.0));
        for (case, given, want) in cases {
            let block = layout_block_json_as_shown(DATA, given).expect("the built-in data set is valid");
            let read = read_layout_block(&block, &fingerprint(DATA)).expect("the block belongs to the data set");
            assert!(read.xs.len() == want.len() && close(&read.xs, want), "{case}: not the layout expected");
        }
    }
}
