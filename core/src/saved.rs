//! What the app keeps in browser storage, in versioned envelopes: the user's own data set and
//! the node positions they pinned. Like [`crate::load`], this module reads JSON; it never
//! panics, and tells an envelope that is corrupt apart from one of another version, so the app
//! can report it and offer what it could read instead of silently dropping it.

use serde_json::{json, Map, Value};

/// The version written into every envelope.
pub const SAVED_VERSION: u64 = 1;

/// Why a stored envelope could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SavedProblem {
    /// Not JSON, or not the shape of an envelope.
    Corrupt(String),
    /// Written by another version of the app.
    OtherVersion(u64),
}

impl SavedProblem {
    pub fn describe(&self, lang: crate::Lang) -> String {
        match (self, lang) {
            (SavedProblem::Corrupt(why), crate::Lang::En) => format!("the saved copy is damaged ({why})"),
            (SavedProblem::Corrupt(why), crate::Lang::Zh) => format!("保存的副本已损坏（{why}）"),
            (SavedProblem::OtherVersion(v), crate::Lang::En) => {
                format!("the saved copy is from another version of the app (format {v})")
            }
            (SavedProblem::OtherVersion(v), crate::Lang::Zh) => format!("保存的副本来自其他版本的应用（格式 {v}）"),
        }
    }
}

/// A user's data set as saved: the name of the file it came from and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedDataSet {
    pub name: String,
    pub text: String,
}

/// A pinned node: its id and position.
#[derive(Clone, Debug, PartialEq)]
pub struct Pin {
    pub id: String,
    pub x: f64,
    pub y: f64,
}

fn envelope(text: &str) -> Result<Map<String, Value>, SavedProblem> {
    let value: Value = serde_json::from_str(text).map_err(|e| SavedProblem::Corrupt(e.to_string()))?;
    let Value::Object(map) = value else { return Err(SavedProblem::Corrupt("not an object".into())) };
    match map.get("version").and_then(Value::as_u64) {
        Some(SAVED_VERSION) => Ok(map),
        Some(other) => Err(SavedProblem::OtherVersion(other)),
        None => Err(SavedProblem::Corrupt("no version".into())),
    }
}

/// The envelope for a user's data set.
pub fn data_set_envelope(saved: &SavedDataSet) -> String {
    json!({ "version": SAVED_VERSION, "name": saved.name, "data": saved.text }).to_string()
}

/// Reads a data-set envelope. On failure, [`salvage_text`] still recovers the data when it can.
pub fn read_data_set_envelope(text: &str) -> Result<SavedDataSet, SavedProblem> {
    let map = envelope(text)?;
    let name = map.get("name").and_then(Value::as_str).unwrap_or("").to_string();
    match map.get("data").and_then(Value::as_str) {
        Some(data) => Ok(SavedDataSet { name, text: data.to_string() }),
        None => Err(SavedProblem::Corrupt("no data".into())),
    }
}

/// Whatever user data an envelope still holds, for the user to download: the `data` string of
/// an envelope of any version, or the stored text itself when it is not an envelope at all.
pub fn salvage_text(text: &str) -> String {
    serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| v.get("data").and_then(Value::as_str).map(str::to_string))
        .unwrap_or_else(|| text.to_string())
}

/// The envelope for pinned positions.
pub fn pins_envelope(pins: &[Pin]) -> String {
    let map: Map<String, Value> =
        pins.iter().filter(|p| p.x.is_finite() && p.y.is_finite()).map(|p| (p.id.clone(), json!([p.x, p.y]))).collect();
    json!({ "version": SAVED_VERSION, "pins": map }).to_string()
}

/// Reads pinned positions; entries that are not `[x, y]` with finite numbers are skipped.
pub fn read_pins_envelope(text: &str) -> Result<Vec<Pin>, SavedProblem> {
    let map = envelope(text)?;
    let Some(Value::Object(pins)) = map.get("pins") else { return Err(SavedProblem::Corrupt("no pins".into())) };
    Ok(pins
        .iter()
        .filter_map(|(id, v)| {
            let pair = v.as_array()?;
            let (x, y) = (pair.first()?.as_f64()?, pair.get(1)?.as_f64()?);
            (x.is_finite() && y.is_finite() && crate::load::is_kebab_id(id)).then(|| Pin { id: id.clone(), x, y })
        })
        .collect())
}

/// A short, stable fingerprint of a data set's text (FNV-1a), so pins are kept per data set.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_set_envelopes_round_trip() {
        let saved = SavedDataSet { name: "reading.json".into(), text: "{\"format\":\"x\"}".into() };
        assert_eq!(read_data_set_envelope(&data_set_envelope(&saved)), Ok(saved));
    }

    #[test]
    fn corrupt_and_other_versions_are_told_apart() {
        assert!(matches!(read_data_set_envelope("{not json"), Err(SavedProblem::Corrupt(_))));
        assert!(matches!(read_data_set_envelope("[1,2]"), Err(SavedProblem::Corrupt(_))));
        assert_eq!(read_data_set_envelope(r#"{"version":0,"data":"x"}"#), Err(SavedProblem::OtherVersion(0)));
        assert!(matches!(read_data_set_envelope(r#"{"version":1}"#), Err(SavedProblem::Corrupt(_))));
    }

    #[test]
    fn salvage_recovers_what_it_can() {
        assert_eq!(salvage_text(r#"{"version":7,"data":"the reading"}"#), "the reading");
        assert_eq!(salvage_text("{broken"), "{broken");
    }

    #[test]
    fn pins_round_trip_and_skip_bad_entries() {
        let pins = vec![Pin { id: "a".into(), x: 1.5, y: -2.0 }, Pin { id: "b-c".into(), x: 0.0, y: 3.0 }];
        assert_eq!(read_pins_envelope(&pins_envelope(&pins)).unwrap(), pins);
        let text = r#"{"version":1,"pins":{"ok":[1,2],"bad":[1],"worse":"x","Bad_Id":[1,2],"nan":[null,2]}}"#;
        assert_eq!(read_pins_envelope(text).unwrap(), vec![Pin { id: "ok".into(), x: 1.0, y: 2.0 }]);
    }

    #[test]
    fn fingerprints_differ_for_different_texts() {
        assert_ne!(fingerprint("a"), fingerprint("b"));
        assert_eq!(fingerprint("same"), fingerprint("same"));
        assert_eq!(fingerprint("").len(), 16);
    }
}
