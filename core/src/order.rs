//! One sort routine for every ordering the app computes.
//!
//! Each `sort_by` with its own closure is a separate copy of the standard library's sort in
//! the WebAssembly (2–4 KB each). Orderings here sort a list of indices with a comparator
//! behind `dyn`, so they share one copy. Callers break ties by index, which makes the result
//! deterministic although the sort itself is not stable.

use std::cmp::Ordering;

/// Sorts `order` (indices into the caller's data) by `compare`.
pub fn sort_indices_by(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_unstable_by(|&a, &b| compare(a, b));
}

#[cfg(test)]
mod tests {
    use super::sort_indices_by;

    #[test]
    fn sorts_indices_by_the_comparator_with_index_tie_breaks() {
        let keys = [3, 1, 3, 0, 1];
        let mut order: Vec<usize> = (0..keys.len()).collect();
        sort_indices_by(&mut order, &mut |a, b| keys[a].cmp(&keys[b]).then(a.cmp(&b)));
        assert_eq!(order, vec![3, 1, 4, 0, 2]);
    }
}
