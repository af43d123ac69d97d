//! Triage categories: what each asks for at intake, and its guide.

use super::msg::Lang;
use serde::Deserialize;

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
    pub collect_id: String,
    pub collect_en: String,
    pub checks_id: String,
    pub checks_en: String,
    pub escalate_id: String,
    pub escalate_en: String,
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
    pub name_id: String,
    pub name_en: String,
    #[serde(default)]
    pub requires: Vec<Detail>,
    #[serde(default)]
    pub suggests: Vec<Detail>,
    pub guide: Guide,
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
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    category: Vec<Category>,
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
        Ok(Categories {
            list: file.category,
        })
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
}
