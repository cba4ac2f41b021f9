//! Folding text for search: lowercase, accents removed, words separated by one space.
//!
//! Written by hand for the letters French (and its neighbours) use: ASCII, Latin-1
//! Supplement (`À`..`ÿ`) and Latin Extended-A (`Ā`..`ſ`), with `œ`/`æ` spelled out as
//! `oe`/`ae` and `ß` as `ss`. Any other letter or digit is lowercased and kept as is;
//! everything else (punctuation, apostrophes, hyphens, symbols, whitespace) separates words.

/// What one Latin-1 or Latin Extended-A letter folds to, `None` for any other character.
fn fold_latin(c: char) -> Option<&'static str> {
    let s = match c as u32 {
        0xC0..=0xC5 | 0xE0..=0xE5 | 0x100..=0x105 => "a",
        0xC6 | 0xE6 => "ae",
        0xC7 | 0xE7 | 0x106..=0x10D => "c",
        0xC8..=0xCB | 0xE8..=0xEB | 0x112..=0x11B => "e",
        0xCC..=0xCF | 0xEC..=0xEF | 0x128..=0x131 => "i",
        0xD0 | 0xF0 | 0x10E..=0x111 => "d",
        0xD1 | 0xF1 | 0x143..=0x14B => "n",
        0xD2..=0xD6 | 0xD8 | 0xF2..=0xF6 | 0xF8 | 0x14C..=0x151 => "o",
        0xD9..=0xDC | 0xF9..=0xFC | 0x168..=0x173 => "u",
        0xDD | 0xFD | 0xFF | 0x176..=0x178 => "y",
        0xDE | 0xFE => "th",
        0xDF => "ss",
        0x11C..=0x123 => "g",
        0x124..=0x127 => "h",
        0x132..=0x133 => "ij",
        0x134..=0x135 => "j",
        0x136..=0x138 => "k",
        0x139..=0x142 => "l",
        0x152..=0x153 => "oe",
        0x154..=0x159 => "r",
        0x15A..=0x161 | 0x17F => "s",
        0x162..=0x167 => "t",
        0x174..=0x175 => "w",
        0x179..=0x17E => "z",
        _ => return None,
    };
    Some(s)
}

/// Appends the folded form of `text` to `out`: lowercase, no accents, words joined by a
/// single space, no space at either end (when `out` starts empty).
pub fn fold_into(text: &str, out: &mut String) {
    let mut pending_space = !out.is_empty();
    let push = |out: &mut String, s: &str, pending: &mut bool| {
        if *pending && !out.is_empty() {
            out.push(' ');
        }
        *pending = false;
        out.push_str(s);
    };
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                let lower = c.to_ascii_lowercase();
                let mut buf = [0u8; 1];
                push(out, lower.encode_utf8(&mut buf), &mut pending_space);
            } else {
                pending_space = true;
            }
        } else if let Some(s) = fold_latin(c) {
            push(out, s, &mut pending_space);
        } else if c.is_alphanumeric() {
            let mut buf = [0u8; 4];
            push(out, crate::domain::case::lower(c).encode_utf8(&mut buf), &mut pending_space);
        } else {
            pending_space = true;
        }
    }
}

/// The folded form of `text`: `"Crèche « Les Œillets »"` gives `"creche les oeillets"`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// The folded words joined by `_`: an identifier-like key for enum values and column
/// names (`"Code postal"` gives `"code_postal"`, `"Sage-femme"` gives `"sage_femme"`).
pub fn key(text: &str) -> String {
    fold(text).replace(' ', "_")
}

/// A slug for generated ids: folded words joined by `-`, at most 48 bytes, cut at a word.
pub fn slug(text: &str) -> String {
    let mut s = fold(text).replace(' ', "-");
    if s.len() > 48 {
        let cut = s[..48].rfind('-').unwrap_or(48);
        s.truncate(cut);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_and_ligatures_fold() {
        assert_eq!(fold("Crèche"), "creche");
        assert_eq!(fold("Écoute"), "ecoute");
        assert_eq!(fold("ŒUF cœur Æsop"), "oeuf coeur aesop");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Ça, c'est l'été !"), "ca c est l ete");
        assert_eq!(fold("  Saint-Agne’s  "), "saint agne s");
        assert_eq!(fold("Łódź Dvořák Ørsted"), "lodz dvorak orsted");
        assert_eq!(fold(""), "");
        assert_eq!(fold("--"), "");
    }

    #[test]
    fn every_latin1_and_extended_a_letter_folds_to_lowercase_ascii() {
        for cp in 0xC0u32..=0x17F {
            let c = char::from_u32(cp).unwrap();
            let folded = fold(&c.to_string());
            if cp == 0xD7 || cp == 0xF7 {
                assert_eq!(folded, "", "{c} is a symbol");
                continue;
            }
            assert!(!folded.is_empty(), "{c} (U+{cp:04X}) folds to nothing");
            assert!(folded.bytes().all(|b| b.is_ascii_lowercase()), "{c} (U+{cp:04X}) folds to {folded:?}");
        }
    }

    #[test]
    fn other_scripts_are_lowercased_and_kept() {
        assert_eq!(fold("Ωμέγα"), "ωμέγα");
        assert_eq!(fold("مرحبا 12"), "مرحبا 12");
    }

    #[test]
    fn keys_and_slugs() {
        assert_eq!(key("Code postal"), "code_postal");
        assert_eq!(key(" E-mail "), "e_mail");
        assert_eq!(key("Lieu d'accueil enfants-parents"), "lieu_d_accueil_enfants_parents");
        assert_eq!(slug("Les Papas aussi !"), "les-papas-aussi");
        let long = slug(&"mot ".repeat(40));
        assert!(long.len() <= 48 && !long.ends_with('-'));
    }
}
