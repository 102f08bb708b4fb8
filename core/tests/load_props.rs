//! Property tests: the loader never panics, and every rejection is explained.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atlas_core::load_data_set;
use proptest::prelude::*;
use serde_json::Value;

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        prop_oneof![
            ".*",
            Just("argument-atlas/1".to_string()),
            Just("P09".to_string()),
            Just("2023-13-45".to_string()),
            Just("us".to_string())
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        let keys = prop_oneof![
            Just("format".to_string()),
            Just("meta".to_string()),
            Just("nodes".to_string()),
            Just("links".to_string()),
            Just("events".to_string()),
            Just("id".to_string()),
            Just("kind".to_string()),
            Just("label".to_string()),
            Just("zh".to_string()),
            Just("en".to_string()),
            Just("sources".to_string()),
            Just("para".to_string()),
            Just("quote".to_string()),
            Just("date".to_string()),
            Just("argument".to_string()),
            Just("tour".to_string()),
            "[a-z]{1,6}"
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..8).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        match load_data_set(&text) {
            Ok(_) => {}
            Err(problems) => prop_assert!(!problems.is_empty()),
        }
    }

    #[test]
    fn arbitrary_json_is_rejected_with_reasons(value in arbitrary_json()) {
        match load_data_set(&value.to_string()) {
            Ok(model) => {
                // Anything accepted must survive a round trip unchanged.
                prop_assert_eq!(load_data_set(&model.to_json()).unwrap(), model);
            }
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                for p in &problems {
                    prop_assert!(!p.describe(atlas_core::Lang::En).is_empty());
                    prop_assert!(!p.describe(atlas_core::Lang::Zh).is_empty());
                }
            }
        }
    }
}
