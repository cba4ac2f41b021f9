//! QR codes drawn on the device, as SVG paths: the demonstration's install code and the
//! directory's entries a nurse shows a parent.

/// The dark modules of a QR code of `text` as one SVG path (one unit per module, with
/// the 4-module quiet zone the standard asks for), and the side of the whole square in
/// modules. `None` if the text is too long for a QR code.
pub fn qr_path(text: &str) -> Option<(String, usize)> {
    const QUIET: usize = 4;
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if colors[y * width + x] == qrcode::Color::Dark {
                let start = x;
                while x < width && colors[y * width + x] == qrcode::Color::Dark {
                    x += 1;
                }
                path.push_str(&format!("M{} {}h{}v1h-{}z", start + QUIET, y + QUIET, x - start, x - start));
            } else {
                x += 1;
            }
        }
    }
    Some((path, width + 2 * QUIET))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_path_draws_every_dark_module_once() {
        let url = "https://cocon.example.fr/";
        let (path, side) = qr_path(url).expect("a short address fits");
        let code = qrcode::QrCode::with_error_correction_level(url, qrcode::EcLevel::M).unwrap();
        assert_eq!(side, code.width() + 8);
        // Sum the run lengths drawn: they must cover exactly the dark modules.
        let drawn: usize = path
            .split('M')
            .skip(1)
            .map(|run| run.split_once('h').unwrap().1.split_once('v').unwrap().0.parse::<usize>().unwrap())
            .sum();
        let dark = code.to_colors().iter().filter(|c| **c == qrcode::Color::Dark).count();
        assert_eq!(drawn, dark);
        // The finder pattern's top row: 7 dark modules from the quiet zone's corner.
        assert!(path.starts_with("M4 4h7v1h-7z"), "{}", &path[..20]);
        assert_eq!(qr_path(&"x".repeat(5000)), None);
    }
}
