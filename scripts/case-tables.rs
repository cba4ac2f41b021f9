//! Generates the tables of `src/domain/case.rs` from the standard library's case mappings
//! (so from the Unicode version of the Rust that compiles it). Single-character mappings
//! only; a character whose case is several characters is left out (kept as it is).
//!
//!     rustc -O scripts/case-tables.rs -o /tmp/case-tables && /tmp/case-tables > /tmp/tables.rs
//!
//! then replace `static LOWER` and `static UPPER` in `src/domain/case.rs` with the output;
//! `cargo test case` compares every code point with the standard library.
//!
//! A run is `(first, span, offset)`: the characters `first..=first + span` map to
//! themselves plus `offset`; with `span | 0x8000`, every other one does (the ones between
//! map to themselves). Runs are taken greedily, in code point order: a contiguous run when
//! the next character has the same offset, else an every-other run.

fn offset(c: u32, f: fn(char) -> Option<char>) -> i32 {
    char::from_u32(c).and_then(f).map_or(0, |m| m as i32 - c as i32)
}

fn single(mut it: impl Iterator<Item = char>) -> Option<char> {
    let first = it.next()?;
    it.next().is_none().then_some(first)
}

fn runs(f: fn(char) -> Option<char>) -> Vec<(u32, u16, i32)> {
    let mut runs = Vec::new();
    let mut c = 0u32;
    while c <= 0x10FFFF {
        let o = offset(c, f);
        if o == 0 {
            c += 1;
            continue;
        }
        let mut span = 0;
        while span < 0x7FFF && offset(c + span + 1, f) == o {
            span += 1;
        }
        if span > 0 {
            runs.push((c, span as u16, o));
            c += span + 1;
            continue;
        }
        while span + 2 < 0x7FFF && offset(c + span + 1, f) == 0 && offset(c + span + 2, f) == o {
            span += 2;
        }
        runs.push((c, if span > 0 { 0x8000 | span as u16 } else { 0 }, o));
        c += span + 1;
    }
    runs
}

fn print(name: &str, runs: &[(u32, u16, i32)]) {
    println!("static {name}: [(u32, u16, i32); {}] = [", runs.len());
    for (first, span, offset) in runs {
        println!("    (0x{first:04X}, {span}, {offset}),");
    }
    println!("];");
}

fn main() {
    print("LOWER", &runs(|c| single(c.to_lowercase()).filter(|&m| m != c)));
    print("UPPER", &runs(|c| single(c.to_uppercase()).filter(|&m| m != c)));
}
