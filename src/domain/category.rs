//! Triage categories: what each asks for at intake, and its guide.

use super::msg::Lang;
use regex::Regex;
use serde::Deserialize;
use std::ops::Range;

/// Intake details a category can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Detail {
    UserId,
    NomorAju,
    DocType,
    DocStatus,
    Npwp,
    Nib,
}

impl Detail {
    pub fn field(self) -> &'static str {
        match self {
            Detail::UserId => "user_id",
            Detail::NomorAju => "nomor_aju",
            Detail::DocType => "doc_type",
            Detail::DocStatus => "doc_status",
            Detail::Npwp => "npwp",
            Detail::Nib => "nib",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    // Data in both languages, read only through `parts(lang)`.
    collect_id: String,
    collect_en: String,
    checks_id: String,
    checks_en: String,
    escalate_id: String,
    escalate_en: String,
}

impl Guide {
    /// (what to collect, first checks, when to escalate) in one language.
    pub fn parts(&self, lang: Lang) -> (&str, &str, &str) {
        match lang {
            Lang::Id => (&self.collect_id, &self.checks_id, &self.escalate_id),
            Lang::En => (&self.collect_en, &self.checks_en, &self.escalate_en),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub code: String,
    // Data in both languages, read only through `name(lang)`.
    name_id: String,
    name_en: String,
    #[serde(default)]
    pub requires: Vec<Detail>,
    #[serde(default)]
    pub suggests: Vec<Detail>,
    /// Words in a caller's message that point to this category ("PIB", "pita cukai").
    #[serde(default)]
    pub keywords: Vec<String>,
    /// CEISACare's katalog a complaint of this category is filed under.
    #[serde(default = "default_katalog")]
    pub katalog: String,
    /// CEISACare's masalah when none of `known_masalah` fits.
    #[serde(default = "default_masalah")]
    pub masalah: String,
    /// Masalah values real tickets of this category were filed under, each with
    /// what points to it.
    #[serde(default)]
    pub known_masalah: Vec<KnownMasalah>,
    pub guide: Guide,
}

/// One of CEISACare's masalah ("PIB - Status Stuck Validasi") and what points to it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownMasalah {
    pub masalah: String,
    /// Another katalog than the category's, when tickets of this masalah go there.
    #[serde(default)]
    pub katalog: Option<String>,
    /// Words of the complaint that point to it (whole words, case ignored).
    #[serde(default)]
    pub words: Vec<String>,
    /// The document types it is about ("BC 2.5", "CK-5"); empty: any. A complaint
    /// naming another document type never gets it.
    #[serde(default)]
    pub doc_types: Vec<String>,
}

/// CEISACare's general-purpose katalog and masalah, for a category file that names none.
fn default_katalog() -> String {
    "Dukungan Layanan".into()
}

fn default_masalah() -> String {
    "0 - Lainnya".into()
}

impl Category {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.name_id,
            Lang::En => &self.name_en,
        }
    }

    pub fn requires(&self, d: Detail) -> bool {
        self.requires.contains(&d)
    }
}

#[derive(Debug, Clone)]
pub struct Categories {
    list: Vec<Category>,
    /// One matcher per category (same order as `list`), `None` without keywords.
    /// Built on the first message read: compiling them costs more than the rest of
    /// opening the desk, and most commands never read a message.
    keyword_res: std::sync::OnceLock<Vec<Option<Regex>>>,
}

/// The words of a message that point to one category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeywordHits {
    pub code: String,
    /// Byte ranges in the text, in order.
    pub spans: Vec<Range<usize>>,
}

/// A matcher for a category's keywords: whole words, case ignored, a space in
/// a keyword also matching a dash, a dot or nothing ("BC 2.0" finds "bc2.0"),
/// and the Indonesian "-nya" allowed at the end ("loginnya").
fn keyword_regex(keywords: &[String]) -> Option<Regex> {
    if keywords.is_empty() {
        return None;
    }
    let mut alts = Vec::new();
    for k in keywords {
        let parts: Vec<String> = k.split_whitespace().map(regex::escape).collect();
        alts.push(parts.join(r"[\s.\-]*"));
    }
    // Longest first, so "pita cukai" wins over "pita" at the same place.
    alts.sort_by_key(|a| std::cmp::Reverse(a.len()));
    let pattern = format!(r"(?i)\b(?:{})(?:nya)?\b", alts.join("|"));
    // Escaped words always compile; only an absurd list could pass the size limit.
    Regex::new(&pattern).ok()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    category: Vec<Category>,
}

/// A category's CEISACare names are filled and each known masalah can be reached.
fn check_ceisacare(c: &Category) -> Result<(), String> {
    let blank = |s: &str| s.trim().is_empty();
    if blank(&c.katalog) || blank(&c.masalah) {
        return Err(format!("category {}: an empty katalog or masalah", c.code));
    }
    for k in &c.known_masalah {
        if blank(&k.masalah) || k.katalog.as_deref().is_some_and(blank) {
            return Err(format!(
                "category {}: a known masalah without its name",
                c.code
            ));
        }
        if k.words.iter().chain(&k.doc_types).any(|w| blank(w)) {
            return Err(format!(
                "category {}: masalah \"{}\" has an empty word or document type",
                c.code, k.masalah
            ));
        }
        if k.words.is_empty() && k.doc_types.is_empty() {
            return Err(format!(
                "category {}: masalah \"{}\" names no word or document type pointing to it",
                c.code, k.masalah
            ));
        }
    }
    Ok(())
}

impl Categories {
    pub const BUILTIN_TOML: &'static str = include_str!("../../assets/categories.toml");

    pub fn builtin() -> Categories {
        Categories::from_toml(Self::BUILTIN_TOML).expect("the built-in categories parse")
    }

    pub fn from_toml(text: &str) -> Result<Categories, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut seen = std::collections::HashSet::new();
        for c in &file.category {
            if !seen.insert(c.code.clone()) {
                return Err(format!("category {} is listed twice", c.code));
            }
        }
        for c in &file.category {
            if c.keywords.iter().any(|k| k.trim().is_empty()) {
                return Err(format!("category {}: an empty keyword", c.code));
            }
            check_ceisacare(c)?;
        }
        Ok(Categories {
            list: file.category,
            keyword_res: std::sync::OnceLock::new(),
        })
    }

    /// For each category whose keywords occur in `text`, where they occur;
    /// most hits first (ties keep the file's order).
    pub fn keyword_hits(&self, text: &str) -> Vec<KeywordHits> {
        let mut hits: Vec<KeywordHits> = self
            .list
            .iter()
            .zip(self.keyword_res.get_or_init(|| {
                self.list
                    .iter()
                    .map(|c| keyword_regex(&c.keywords))
                    .collect()
            }))
            .filter_map(|(c, re)| {
                let spans: Vec<Range<usize>> =
                    re.as_ref()?.find_iter(text).map(|m| m.range()).collect();
                (!spans.is_empty()).then(|| KeywordHits {
                    code: c.code.clone(),
                    spans,
                })
            })
            .collect();
        hits.sort_by_key(|h| std::cmp::Reverse(h.spans.len()));
        hits
    }

    pub fn all(&self) -> &[Category] {
        &self.list
    }

    /// Finds a category by its code, case-insensitively.
    pub fn get(&self, code: &str) -> Option<&Category> {
        let code = code.trim();
        self.list.iter().find(|c| c.code.eq_ignore_ascii_case(code))
    }

    pub fn codes(&self) -> Vec<&str> {
        self.list.iter().map(|c| c.code.as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_twelve_categories_of_the_design_are_built_in() {
        let cats = Categories::builtin();
        assert_eq!(
            cats.codes(),
            [
                "AKUN", "REG", "IMP", "EKS", "MAN", "TPB", "CUK", "BYR", "INT", "INH", "TIK",
                "LAIN"
            ]
        );
        for c in cats.all() {
            let (collect, checks, escalate) = c.guide.parts(Lang::En);
            assert!(!collect.is_empty() && !checks.is_empty() && !escalate.is_empty());
        }
    }

    #[test]
    fn import_and_export_need_the_nomor_aju_and_accounts_the_user_id() {
        let cats = Categories::builtin();
        assert!(cats.get("imp").unwrap().requires(Detail::NomorAju));
        assert!(cats.get("EKS").unwrap().requires(Detail::NomorAju));
        assert!(cats.get("AKUN").unwrap().requires(Detail::UserId));
        assert!(!cats.get("LAIN").unwrap().requires(Detail::NomorAju));
        assert!(cats.get("XYZ").is_none());
    }

    #[test]
    fn keywords_find_their_category_as_whole_words() {
        let cats = Categories::builtin();
        let codes =
            |t: &str| -> Vec<String> { cats.keyword_hits(t).into_iter().map(|h| h.code).collect() };
        assert_eq!(codes("PIB kami belum dapat respon"), ["IMP"]);
        assert_eq!(codes("NPE belum terbit, PEB sudah dikirim"), ["EKS"]);
        assert_eq!(codes("tidak bisa loginnya, OTP tidak masuk"), ["AKUN"]);
        assert_eq!(codes("pemesanan pita cukai gagal"), ["CUK"]);
        assert_eq!(codes("kode billing tidak terbit, BPN gagal"), ["BYR"]);
        assert_eq!(codes("dokumen BC2.3 tertahan"), ["TPB"]);
        // A keyword inside another word is not a hit: "pibk" is IMP, "capit" nothing.
        assert!(codes("capital peberapa").is_empty());
        let h = cats.keyword_hits("PIB dan PIBK");
        assert_eq!(h[0].spans, [0..3, 8..12]);
    }

    #[test]
    fn an_empty_keyword_is_refused() {
        let text = Categories::BUILTIN_TOML.replacen("keywords = [", "keywords = [\" \", ", 1);
        let e = Categories::from_toml(&text).unwrap_err();
        assert!(e.contains("AKUN") && e.contains("empty keyword"), "{e}");
    }
}
