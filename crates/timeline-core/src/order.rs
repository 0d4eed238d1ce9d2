//! Sorting through one shared sort: the standard library's sort is generic, so
//! each element type and comparator gets its own copy (2–4 KB of wasm each).
//! Here every caller sorts indices with the same non-generic function and a
//! comparator behind a pointer; only a small permutation step is generic. A
//! little slower per comparison (an indirect call), the same result (stable).

use std::cmp::Ordering;
use std::collections::BTreeSet;

/// `0..n` in the order `cmp` gives their elements, equal ones kept in order.
pub fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| cmp(a, b));
    idx
}

/// Sorts keys packed into integers (unstable: equal keys are equal values),
/// for large lists where a comparator behind a pointer would be slow; the
/// one other copy of the standard sort.
pub fn sort_keys(v: &mut [u128]) {
    v.sort_unstable();
}

/// Sorts `v` by `cmp`, stably (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let idx = sorted_indices(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut old: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(idx.into_iter().filter_map(|i| old[i].take()));
}

/// A set built by inserting one by one: `collect()` into a `BTreeSet` sorts a
/// list first, with a copy of the standard sort per element type.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    for item in items {
        set.insert(item);
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_as_the_standard_sort() {
        let mut v: Vec<(u8, &str)> = vec![(3, "a"), (1, "b"), (3, "c"), (0, "d"), (1, "e")];
        let mut want = v.clone();
        want.sort_by_key(|p| p.0);
        sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, want);
        let mut e: Vec<u8> = Vec::new();
        sort_by(&mut e, u8::cmp);
        assert!(e.is_empty());
        assert_eq!(sorted_indices(3, &|a, b| b.cmp(&a)), [2, 1, 0]);
        let s = set_of(["b", "a", "b"]);
        assert_eq!(s, ["a", "b"].into_iter().collect());
    }
}
