//! The applicant's phone and e-mail kept out of the report, even where the
//! caller's own message (pasted as the description) carried them.

/// What stands where the applicant's phone or e-mail was.
const KEPT: &str = "***";

/// `text` without the applicant's `phone` (stored `+62…`; found written `0812 3456
/// 7890`, `+62 812-3456-7890`, `62812…`) and `email` (found in any case).
pub fn without(text: &str, phone: Option<&str>, email: Option<&str>) -> String {
    let mut out = text.to_string();
    if let Some(e) = email.map(str::trim).filter(|e| !e.is_empty()) {
        out = without_email(&out, e);
    }
    if let Some(p) = phone {
        out = without_phone(&out, p);
    }
    out
}

fn without_email(text: &str, email: &str) -> String {
    // ASCII lower-casing keeps every byte where it was, so spans carry over.
    let lower = text.to_ascii_lowercase();
    let email = email.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while let Some(i) = lower[at..].find(&email) {
        out.push_str(&text[at..at + i]);
        out.push_str(KEPT);
        at += i + email.len();
    }
    out.push_str(&text[at..]);
    out
}

fn without_phone(text: &str, phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    // The national form (0812…) and the international one (62812…).
    let national = match digits.strip_prefix("62") {
        Some(rest) => format!("0{rest}"),
        None => digits.clone(),
    };
    if national.len() < 6 {
        return text.to_string();
    }
    let international = format!("62{}", &national[1..]);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in number_runs(text) {
        let run = &text[start..end];
        let found: Vec<(usize, char)> = run
            .char_indices()
            .filter(|(_, c)| c.is_ascii_digit())
            .collect();
        let run_digits: String = found.iter().map(|(_, c)| c).collect();
        let Some((from, len)) = [&international, &national]
            .iter()
            .find_map(|t| run_digits.find(t.as_str()).map(|i| (i, t.len())))
        else {
            continue;
        };
        let mut span_start = start + found[from].0;
        let span_end = start + found[from + len - 1].0 + 1;
        if text[..span_start].ends_with('+') {
            span_start -= 1;
        }
        out.push_str(&text[at..span_start]);
        out.push_str(KEPT);
        at = span_end;
    }
    out.push_str(&text[at..]);
    out
}

/// Byte spans of the runs of digits a number is written in: digits, with single
/// spaces, dashes, dots or brackets between them.
fn number_runs(text: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_digit_end = 0;
    let mut gap = 0;
    for (i, c) in text.char_indices() {
        if c.is_ascii_digit() {
            start.get_or_insert(i);
            last_digit_end = i + 1;
            gap = 0;
        } else if start.is_some() && matches!(c, ' ' | '-' | '.' | '(' | ')') && gap < 2 {
            gap += 1;
        } else if let Some(s) = start.take() {
            runs.push((s, last_digit_end));
            gap = 0;
        }
    }
    if let Some(s) = start {
        runs.push((s, last_digit_end));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_applicants_phone_is_kept_off_however_it_is_written() {
        let phone = Some("+6281234567890");
        for written in [
            "0812 3456 7890",
            "0812-3456-7890",
            "+62 812-3456-7890",
            "6281234567890",
            "081234567890",
        ] {
            let text = format!("WA {written}, NPWP 01.234.567.8-901.000");
            let got = without(&text, phone, None);
            assert_eq!(got, "WA ***, NPWP 01.234.567.8-901.000", "{written}");
        }
        // Another number is not the applicant's.
        let text = "aju 000020-010017-20261127-000123, kantor (0411) 854321";
        assert_eq!(without(text, phone, None), text);
    }

    #[test]
    fn the_applicants_email_is_kept_off_in_any_case() {
        let got = without(
            "kontak: Rudi@PTSejahtera.co.id atau rudi@ptsejahtera.co.id.",
            None,
            Some("rudi@ptsejahtera.co.id"),
        );
        assert_eq!(got, "kontak: *** atau ***.");
    }
}
