//! Stable sorting with a single copy of the standard library's sort in the wasm.
//!
//! `slice::sort_by` is compiled again for every item type and comparison (about 3 KB of
//! wasm each, a dozen call sites). Here the positions are sorted instead, always with the
//! same types (`usize` and a `dyn` comparison), and the items are then moved into that
//! order. Same result as `sort_by` / `sort_by_key`: stable, ties keep their order.

use std::cmp::Ordering;

/// Sorts `v` with `compare`, keeping equal items in their order (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(v.len(), &|a, b| compare(&v[a], &v[b]));
    apply(v, order);
}

/// Sorts `v` by `key`, keeping equal items in their order (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// `0..len` sorted by `compare` (stable): position `k` of the result is the index of the
/// item that goes to place `k`.
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    #[expect(clippy::disallowed_methods, reason = "the one copy of the standard sort that the whole app uses")]
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the items so that place `k` holds what was at `order[k]`, cycle by cycle.
fn apply<T>(v: &mut [T], mut order: Vec<usize>) {
    for i in 0..v.len() {
        if order[i] == i {
            continue;
        }
        let mut j = i;
        loop {
            let next = order[j];
            order[j] = j;
            if next == i {
                break;
            }
            v.swap(j, next);
            j = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no dependency).
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (x >> 33) % modulo
            })
            .collect()
    }

    #[test]
    fn same_order_as_the_standard_stable_sort() {
        for (seed, n, modulo) in
            [(1, 0, 1), (2, 1, 1), (3, 2, 2), (4, 7, 3), (5, 100, 10), (6, 1000, 1000), (7, 500, 2)]
        {
            // Pairs (key, original position): equal keys must keep their order.
            let items: Vec<(u64, usize)> = numbers(seed, n, modulo).into_iter().zip(0..).collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            let mut std = items.clone();
            std.sort_by_key(|&(k, _)| k);
            assert_eq!(ours, std, "n = {n}, modulo = {modulo}");

            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut std = items;
            std.sort_by_key(|b| std::cmp::Reverse(b.0));
            assert_eq!(ours, std, "reversed, n = {n}, modulo = {modulo}");
        }
    }

    #[test]
    fn moves_owned_items() {
        let mut words: Vec<String> = ["pear", "fig", "apple", "kiwi", "date"].map(String::from).to_vec();
        sort_by_key(&mut words, String::len);
        assert_eq!(words, ["fig", "pear", "kiwi", "date", "apple"]);
        sort_by(&mut words, |a, b| a.cmp(b));
        assert_eq!(words, ["apple", "date", "fig", "kiwi", "pear"]);
    }
}
