//! Stable sorting with one compiled copy of the sorting algorithm for the whole crate.
//!
//! Every `slice::sort_by` call with its own element type and closure instantiates the standard
//! library's sort again (several KB of WebAssembly each); these helpers sort a list of indices
//! through one non-generic function and then move the elements into place, so the module
//! carries the algorithm once. Results are exactly those of `sort_by` (stable).
//!
//! ```
//! let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
//! followup::order::sort_by_key(&mut v, |p| p.0);
//! assert_eq!(v, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
//! ```

use std::cmp::Ordering;

/// The positions `0..len` in the order `cmp` sorts them, stably.
// The one stable sort the module compiles (clippy.toml bans the others).
#[allow(clippy::disallowed_methods)]
#[inline(never)]
fn sorted_positions(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|&a, &b| cmp(a, b));
    positions
}

/// Sorts `v` stably by `cmp`, like `slice::sort_by`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let positions = sorted_positions(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(positions.into_iter().filter_map(|p| slots[p].take()));
}

/// Sorts `v` stably by the key `f` gives, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, f: impl Fn(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)));
}

/// Sorts `v` in ascending order, like `slice::sort`.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// A set kept in a sorted vector: inserts `x` where it belongs unless it is there already, and
/// says whether it was new. The module's few small sets and maps use it instead of a hash table
/// (DESIGN.md, "Small sets without hash tables").
pub fn insert_sorted<T: Ord>(set: &mut Vec<T>, x: T) -> bool {
    match set.binary_search(&x) {
        Ok(_) => false,
        Err(at) => {
            set.insert(at, x);
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        #[allow(clippy::disallowed_methods)] // compared with the standard sort on purpose
        fn same_result_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = v;
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }
    }
}
