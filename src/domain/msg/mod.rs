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

/// Builds a catalog. Each entry carries both languages, so a missing translation
/// does not compile:
///
/// - `Name => "Indonesian", "English";` is a fixed text, a variant of the enum:
///   `M::Name.get(lang)`.
/// - `Name(a, b) => "… {a} … {b}", "… {b} … {a}";` is a sentence with values, a
///   function of the enum taking them in that order: `M::Name(lang, a, b)` (any
///   `Display`). A missing or extra value does not compile, and neither does a
///   template whose `{…}` placeholders are not exactly its declared names.
///
/// `enum Name;` first names the enum; without it, it is `T`.
macro_rules! catalog {
    (enum $enum:ident; $($name:ident $(($($p:ident),* $(,)?))? => $id:literal, $en:literal;)*) => {
        /// A fixed visible string, by meaning; sentences with values are functions.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $enum {
            // A sentence with values is no variant: it is said only through its function.
            $($(#[cfg(any())] #[doc = stringify!($($p)*)])? $name,)*
        }

        impl $enum {
            /// Every entry, fixed or with values, for the tests that walk the catalog.
            #[allow(dead_code)]
            pub const ENTRIES: &'static [$crate::domain::msg::Entry] = &[$(
                $crate::domain::msg::Entry {
                    name: stringify!($name),
                    id: $id,
                    en: $en,
                    params: $crate::domain::msg::catalog_params!($(($($p),*))?),
                },
            )*];

            /// The fixed text in `lang`.
            pub fn get(self, lang: $crate::domain::msg::Lang) -> &'static str {
                use $crate::domain::msg::Lang;
                match (self, lang) {
                    $($(#[cfg(any())] #[doc = stringify!($($p)*)])?
                      ($enum::$name, Lang::Id) => $id,
                      $(#[cfg(any())] #[doc = stringify!($($p)*)])?
                      ($enum::$name, Lang::En) => $en,)*
                }
            }

            $($($crate::domain::msg::catalog_sentence!($name ($($p),*) $id $en);)?)*
        }

        // Each template uses exactly its entry's declared placeholders.
        $(const _: () = assert!(
            $crate::domain::msg::placeholders_agree($id, $crate::domain::msg::catalog_params!($(($($p),*))?))
                && $crate::domain::msg::placeholders_agree($en, $crate::domain::msg::catalog_params!($(($($p),*))?)),
            concat!("catalog entry ", stringify!($name), ": its placeholders are not exactly its declared values")
        );)*
    };
    ($($name:ident $(($($p:ident),* $(,)?))? => $id:literal, $en:literal;)*) => {
        $crate::domain::msg::catalog! { enum T; $($name $(($($p),*))? => $id, $en;)* }
    };
}
pub(crate) use catalog;

/// The declared values of an entry, as names.
macro_rules! catalog_params {
    () => { &[] };
    (($($p:ident),* $(,)?)) => { &[$(stringify!($p)),*] };
}
pub(crate) use catalog_params;

/// The function that says one sentence with values.
macro_rules! catalog_sentence {
    ($name:ident ($($p:ident),* $(,)?) $id:literal $en:literal) => {
        #[allow(non_snake_case, clippy::too_many_arguments)]
        pub fn $name(
            lang: $crate::domain::msg::Lang,
            $($p: impl ::std::fmt::Display,)*
        ) -> String {
            let template = match lang {
                $crate::domain::msg::Lang::Id => $id,
                $crate::domain::msg::Lang::En => $en,
            };
            $crate::domain::msg::fill_named(template, &[$((stringify!($p), &$p as &dyn ::std::fmt::Display)),*])
        }
    };
}
pub(crate) use catalog_sentence;

/// One catalog entry as written: its name, both templates, its declared values.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub name: &'static str,
    pub id: &'static str,
    pub en: &'static str,
    pub params: &'static [&'static str],
}

/// The placeholder starting at byte `i` (`{name}`, a lowercase name): its name's
/// end, or `None` when the brace starts no placeholder.
const fn placeholder_end(t: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < t.len() && (t[j].is_ascii_lowercase() || t[j].is_ascii_digit() || t[j] == b'_') {
        j += 1;
    }
    if j > i + 1 && j < t.len() && t[j] == b'}' && t[i + 1].is_ascii_lowercase() {
        Some(j)
    } else {
        None
    }
}

const fn same_bytes(a: &[u8], from: usize, to: usize, b: &[u8]) -> bool {
    if to - from != b.len() {
        return false;
    }
    let mut k = 0;
    while k < b.len() {
        if a[from + k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// Whether `template`'s placeholders are exactly `params`: each one used, none
/// other, and no old positional `{}`. Run at compile time for every entry.
pub const fn placeholders_agree(template: &str, params: &[&str]) -> bool {
    let t = template.as_bytes();
    let mut used = [false; 16];
    if params.len() > used.len() {
        return false;
    }
    let mut i = 0;
    while i < t.len() {
        if t[i] == b'{' {
            if i + 1 < t.len() && t[i + 1] == b'}' {
                return false;
            }
            if let Some(end) = placeholder_end(t, i) {
                let mut found = false;
                let mut p = 0;
                while p < params.len() {
                    if same_bytes(t, i + 1, end, params[p].as_bytes()) {
                        used[p] = true;
                        found = true;
                    }
                    p += 1;
                }
                if !found {
                    return false;
                }
                i = end;
            }
        }
        i += 1;
    }
    let mut p = 0;
    while p < params.len() {
        if !used[p] {
            return false;
        }
        p += 1;
    }
    true
}

/// Fills a template's `{name}` placeholders with their values; used by the
/// functions `catalog!` makes, which already agree with their templates.
pub fn fill_named(template: &str, values: &[(&str, &dyn fmt::Display)]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(template.len() + 16);
    let t = template.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < t.len() {
        if t[i] == b'{' {
            if let Some(end) = placeholder_end(t, i) {
                let name = &template[i + 1..end];
                if let Some((_, v)) = values.iter().find(|(n, _)| *n == name) {
                    out.push_str(&template[start..i]);
                    let _ = write!(out, "{v}");
                    start = end + 1;
                    i = end;
                }
            }
        }
        i += 1;
    }
    out.push_str(&template[start..]);
    out
}

/// A message about one field: a rejection (as an error) or a warning (as a notice),
/// made from the catalog in both languages by [`FieldMsg::of`] or [`FieldMsg::says`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldMsg {
    /// The field's key, as the command line and the form name it (`phone`, `nomor_aju`).
    pub field: &'static str,
    pub id: String,
    pub en: String,
}

impl FieldMsg {
    fn new(field: &'static str, id: impl Into<String>, en: impl Into<String>) -> Self {
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

    /// A sentence with values, said in each language:
    /// `FieldMsg::says("nib", |lang| M::NibLength(lang, digits))`.
    pub fn says(field: &'static str, say: impl Fn(Lang) -> String) -> Self {
        FieldMsg::new(field, say(Lang::Id), say(Lang::En))
    }

    /// The message alone, in one language.
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }

    /// `field: message` in one language.
    pub fn text(&self, lang: Lang) -> String {
        format!("{}: {}", self.field, self.message(lang))
    }
}

impl FieldMsg {
    /// The message with its field named in the officer's words (`Nomor aju: …`),
    /// for text a person reads; [`FieldMsg::text`] keeps the key a command takes.
    pub fn said(&self, lang: Lang) -> String {
        let text = self.message(lang);
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
    fn values_fill_their_named_places_in_any_order() {
        let (a, b): (&dyn fmt::Display, &dyn fmt::Display) = (&"x", &3);
        assert_eq!(
            fill_named("{b} lalu {a}, {a}", &[("a", a), ("b", b)]),
            "3 lalu x, x"
        );
        // A brace that names no value stays as written.
        assert_eq!(fill_named("{ok} {}", &[("a", a)]), "{ok} {}");
    }

    #[test]
    fn placeholders_must_be_exactly_the_declared_values() {
        assert!(placeholders_agree("{a} dan {b}", &["a", "b"]));
        assert!(placeholders_agree("{b} {a} {b}", &["a", "b"]));
        assert!(placeholders_agree("tanpa", &[]));
        assert!(!placeholders_agree("{a}", &["a", "b"]), "a value left out");
        assert!(
            !placeholders_agree("{a} {c}", &["a"]),
            "a place with no value"
        );
        assert!(!placeholders_agree("{}", &[]), "the old positional place");
        assert!(!placeholders_agree("{a}", &[]));
    }
}
