//! Bilingual messages: every rule the desk enforces speaks Indonesian (the
//! officer's language, the default) and English, and names the field it is about.
//!
//! All visible text comes from catalogs built with [`catalog!`]: the command
//! line's, the errors' and the domain's in [`says`], the screen's in `tui::i18n`.
//! Each entry must carry both languages, so a missing translation does not compile.

pub mod says;
pub mod words;

pub use says::M;

use serde::Serialize;
use std::fmt;

pub use super::lang::Lang;

/// Builds a catalog: an enum of entries, each `Name => "Indonesian", "English";`.
/// Leaving out a language is a compile error. Placeholders are `{}`, filled in
/// order by [`fill`]. `enum Name;` first names the enum; without it, it is `T`.
macro_rules! catalog {
    (enum $enum:ident; $($name:ident => $id:literal, $en:literal;)*) => {
        /// A visible string, by meaning.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $enum { $($name,)* }

        impl $enum {
            #[cfg(test)]
            pub const ALL: &'static [$enum] = &[$($enum::$name,)*];

            pub fn get(self, lang: $crate::domain::msg::Lang) -> &'static str {
                use $crate::domain::msg::Lang;
                match (self, lang) {
                    $(($enum::$name, Lang::Id) => $id, ($enum::$name, Lang::En) => $en,)*
                }
            }

            /// The entry in `lang` with its `{}` filled in order.
            #[allow(dead_code)]
            pub fn fill(self, lang: $crate::domain::msg::Lang, args: &[&str]) -> String {
                $crate::domain::msg::fill(self.get(lang), args)
            }
        }
    };
    ($($name:ident => $id:literal, $en:literal;)*) => {
        $crate::domain::msg::catalog! { enum T; $($name => $id, $en;)* }
    };
}
pub(crate) use catalog;

/// Fills `{}` placeholders in order.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    let mut args = args.iter();
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

/// A message about one field: a rejection (as an error) or a warning (as a notice).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldMsg {
    /// The field's key, as the command line and the form name it (`phone`, `nomor_aju`).
    pub field: &'static str,
    pub id: String,
    pub en: String,
}

impl FieldMsg {
    pub fn new(field: &'static str, id: impl Into<String>, en: impl Into<String>) -> Self {
        FieldMsg {
            field,
            id: id.into(),
            en: en.into(),
        }
    }

    /// A fixed rule from the catalog.
    pub fn of(field: &'static str, m: M) -> Self {
        FieldMsg::new(field, m.get(Lang::Id), m.get(Lang::En))
    }

    /// A catalog template filled with values (the same values in both languages).
    pub fn filled(field: &'static str, m: M, args: &[&str]) -> Self {
        FieldMsg::new(field, m.fill(Lang::Id, args), m.fill(Lang::En, args))
    }

    /// A catalog template filled with values that differ by language (a stage word).
    pub fn worded(field: &'static str, m: M, args: impl Fn(Lang) -> Vec<String>) -> Self {
        let fill = |lang| {
            let args = args(lang);
            m.fill(lang, &args.iter().map(String::as_str).collect::<Vec<_>>())
        };
        FieldMsg::new(field, fill(Lang::Id), fill(Lang::En))
    }

    /// `field: message` in one language.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Id => format!("{}: {}", self.field, self.id),
            Lang::En => format!("{}: {}", self.field, self.en),
        }
    }
}

impl FieldMsg {
    /// The message with its field named in the officer's words (`Nomor aju: …`),
    /// for text a person reads; [`FieldMsg::text`] keeps the key a command takes.
    pub fn said(&self, lang: Lang) -> String {
        let text = match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        };
        format!("{}: {text}", words::field_name(self.field, lang))
    }
}

impl fmt::Display for FieldMsg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({})", self.field, self.id, self.en)
    }
}

impl std::error::Error for FieldMsg {}

/// A value was refused.
pub type FieldError = FieldMsg;
/// A value was accepted but looks off; the officer should look again.
pub type FieldWarning = FieldMsg;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_arguments_in_order() {
        assert_eq!(fill("{} dan {}", &["a", "b"]), "a dan b");
        assert_eq!(fill("tanpa", &["x"]), "tanpa");
        assert_eq!(fill("{}{}", &["a"]), "a");
    }
}
