//! The applicant's satisfaction: the Survei Kepuasan Masyarakat every public
//! service unit runs (Permenpan RB 14/2017). Nine elements, each scored 1–4 or
//! left unanswered; the index (IKM) is 25 × the mean of the element means, over
//! the elements answered at least once, and its grade follows the regulation's
//! intervals.

use super::msg::{FieldError, M};
use serde::{Deserialize, Serialize};

/// The nine elements, in the regulation's order: (key, Indonesian, English).
pub const ELEMENTS: [(&str, &str, &str); 9] = [
    ("u1", "Persyaratan", "Requirements"),
    ("u2", "Prosedur", "Procedure"),
    ("u3", "Waktu", "Time"),
    ("u4", "Biaya", "Cost"),
    ("u5", "Produk", "Product"),
    ("u6", "Kompetensi", "Competence"),
    ("u7", "Perilaku", "Conduct"),
    ("u8", "Penanganan pengaduan", "Complaint handling"),
    ("u9", "Sarana", "Facilities"),
];

/// One applicant's answers: a score 1–4 per element, or none (in a bundle:
/// `[4, 3, 4, null, 4, 4, 4, 3, 4]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Answers(pub [Option<u8>; 9]);

impl Answers {
    /// Reads nine answers, each a digit 1–4 or `-` for unanswered, separated by
    /// commas (`4,3,4,-,4,4,4,3,4`, as the command line takes them) or not at
    /// all (`434-44434`, as the desk's one line takes them). Spaces are ignored.
    pub fn parse(raw: &str) -> Result<Answers, FieldError> {
        let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        let items: Vec<&str> = if compact.contains(',') {
            compact.split(',').collect()
        } else {
            compact
                .char_indices()
                .map(|(i, c)| &compact[i..i + c.len_utf8()])
                .collect()
        };
        if items.len() != 9 {
            let given = items.len();
            return Err(FieldError::says("answers", |lang| M::SkmNine(lang, given)));
        }
        let mut out = [None; 9];
        for (i, item) in items.iter().enumerate() {
            out[i] = match *item {
                "-" => None,
                "1" => Some(1),
                "2" => Some(2),
                "3" => Some(3),
                "4" => Some(4),
                other => {
                    let element = ELEMENTS[i].0;
                    return Err(FieldError::says("answers", |lang| {
                        M::SkmScore(lang, element, other)
                    }));
                }
            };
        }
        if out.iter().all(Option::is_none) {
            return Err(FieldError::of("answers", M::SkmNone));
        }
        Ok(Answers(out))
    }

    /// As stored and as the command line takes it: `4,3,4,-,4,4,4,3,4`.
    pub fn as_text(&self) -> String {
        self.0
            .iter()
            .map(|a| a.map_or("-".to_string(), |s| s.to_string()))
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// One element's mean over those who answered it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ElementMean {
    pub key: &'static str,
    /// Rounded to two decimals for showing; the index uses the exact mean.
    pub mean: Option<f64>,
    pub answers: usize,
}

/// The survey over a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub respondents: usize,
    /// None until some element is answered.
    pub ikm: Option<f64>,
    pub grade: Option<char>,
    pub elements: Vec<ElementMean>,
}

/// The regulation's grade, read on the index rounded to two decimals.
pub fn grade(ikm: f64) -> Option<char> {
    match ikm {
        x if (88.31..=100.0).contains(&x) => Some('A'),
        x if (76.61..88.31).contains(&x) => Some('B'),
        x if (65.0..76.61).contains(&x) => Some('C'),
        x if (25.0..65.0).contains(&x) => Some('D'),
        _ => None,
    }
}

/// Half up to two decimals. The values are ratios of small integers, so a
/// hair's breadth of floating error must not turn an exact .xx5 down.
pub fn round2(x: f64) -> f64 {
    ((x * 100.0) + 0.5 + 1e-9).floor() / 100.0
}

/// The survey's figures over these respondents' answers.
pub fn summarise<'a>(all: impl IntoIterator<Item = &'a Answers>) -> Summary {
    let mut sums = [0u32; 9];
    let mut counts = [0usize; 9];
    let mut respondents = 0;
    for a in all {
        respondents += 1;
        for (i, score) in a.0.iter().enumerate() {
            if let Some(s) = score {
                sums[i] += u32::from(*s);
                counts[i] += 1;
            }
        }
    }
    let exact: Vec<Option<f64>> = (0..9)
        .map(|i| (counts[i] > 0).then(|| f64::from(sums[i]) / counts[i] as f64))
        .collect();
    let answered: Vec<f64> = exact.iter().flatten().copied().collect();
    let ikm = (!answered.is_empty())
        .then(|| round2(25.0 * answered.iter().sum::<f64>() / answered.len() as f64));
    Summary {
        respondents,
        ikm,
        grade: ikm.and_then(grade),
        elements: ELEMENTS
            .iter()
            .enumerate()
            .map(|(i, (key, _, _))| ElementMean {
                key,
                mean: exact[i].map(round2),
                answers: counts[i],
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(raw: &str) -> Answers {
        Answers::parse(raw).unwrap()
    }

    #[test]
    fn nine_answers_read_with_commas_or_without() {
        let with = a("4,3,4,-,4,4,4,3,4");
        assert_eq!(with, a("434-44434"));
        assert_eq!(with, a(" 4 3 4 - 4 4 4 3 4 "));
        assert_eq!(with.0[3], None);
        assert_eq!(with.as_text(), "4,3,4,-,4,4,4,3,4");
    }

    #[test]
    fn a_wrong_answer_names_the_element_and_the_rule() {
        let e = Answers::parse("4,3,5,-,4,4,4,3,4").unwrap_err();
        assert_eq!(e.field, "answers");
        assert!(e.en.contains("u3") && e.en.contains("1–4"), "{}", e.en);
        let e = Answers::parse("43").unwrap_err();
        assert!(e.en.contains("nine") && e.en.contains('2'), "{}", e.en);
        assert!(Answers::parse("---------").is_err(), "nothing answered");
    }

    /// Worked out by hand. Three respondents:
    ///   u1 4,3,4 → 11/3 = 3.6667   u2 3,3,3 → 3      u3 4,2,- → 3
    ///   u4 -,-,- → (none)          u5 4,4,4 → 4      u6 3,4,3 → 10/3 = 3.3333
    ///   u7 4,4,4 → 4               u8 2,3,- → 2.5    u9 4,3,3 → 10/3 = 3.3333
    /// Mean of the eight answered: (3.6667+3+3+4+3.3333+4+2.5+3.3333)/8
    ///   = 26.8333/8 = 3.354167; IKM = 25 × 3.354167 = 83.854 → 83.85, grade B.
    #[test]
    fn the_index_and_grade_match_a_hand_count() {
        let answers = [a("434-43424"), a("332-44433"), a("43--434-3")];
        let s = summarise(&answers);
        assert_eq!(s.respondents, 3);
        assert_eq!(s.ikm, Some(83.85));
        assert_eq!(s.grade, Some('B'));
        assert_eq!(s.elements[0].mean, Some(3.67));
        assert_eq!(s.elements[3].mean, None);
        assert_eq!(s.elements[3].answers, 0);
        assert_eq!(s.elements[7].mean, Some(2.5));
        assert_eq!(s.elements[7].answers, 2);
    }

    #[test]
    fn grades_follow_the_regulations_intervals_on_the_rounded_value() {
        assert_eq!(grade(100.0), Some('A'));
        assert_eq!(grade(88.31), Some('A'));
        assert_eq!(grade(88.30), Some('B'));
        assert_eq!(grade(76.61), Some('B'));
        assert_eq!(grade(76.60), Some('C'));
        assert_eq!(grade(65.00), Some('C'));
        assert_eq!(grade(64.99), Some('D'));
        assert_eq!(grade(25.00), Some('D'));
        // All fours and all ones: the ends of the scale.
        assert_eq!(summarise(&[a("444444444")]).ikm, Some(100.0));
        assert_eq!(summarise(&[a("111111111")]).ikm, Some(25.0));
    }

    #[test]
    fn an_exact_half_rounds_up() {
        assert_eq!(round2(82.465), 82.47);
        assert_eq!(round2(88.305), 88.31);
        assert_eq!(round2(76.605), 76.61);
    }

    #[test]
    fn no_survey_gives_no_index() {
        let s = summarise(&[]);
        assert_eq!((s.respondents, s.ikm, s.grade), (0, None, None));
    }
}
