//! The screen's rooms and walls, held: no file of `src/tui` reaches, however far
//! round, a file that reaches it back, and none runs past 900 lines before its
//! tests. A file reaches another by naming it in a `crate::tui::…` or `super::…`
//! path (in a `use` or inline), and a `mod.rs` its own module `child::…` (its
//! `mod` and `pub use` lines aside); the test files are left out of both rules.

use regex::Regex;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const MOST_LINES: usize = 900;

/// Every source file of `src/tui` but the tests, by its module path below `tui`
/// (`update/mod.rs` is `["update"]`, `mod.rs` is `[]`): the code before its tests.
fn rooms() -> BTreeMap<Vec<String>, (PathBuf, String)> {
    fn walk(
        dir: &Path,
        module: &[String],
        tests: &Regex,
        out: &mut BTreeMap<Vec<String>, (PathBuf, String)>,
    ) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name == "tests" || name == "tests.rs" {
                continue;
            }
            if path.is_dir() {
                let mut inner = module.to_vec();
                inner.push(name);
                walk(&path, &inner, tests, out);
            } else if let Some(stem) = name.strip_suffix(".rs") {
                let mut at = module.to_vec();
                if stem != "mod" {
                    at.push(stem.to_string());
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let code = match tests.find(&text) {
                    Some(m) => text[..m.start()].to_string(),
                    None => text,
                };
                out.insert(at, (path, code));
            }
        }
    }
    // A file's own tests start at `#[cfg(test)]` on a module.
    let tests = Regex::new(r"#\[cfg\(test\)\]\s*mod\s").unwrap();
    let mut out = BTreeMap::new();
    let tui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    walk(&tui, &[], &tests, &mut out);
    out
}

/// The files each file reaches directly, by module path.
fn walls(
    rooms: &BTreeMap<Vec<String>, (PathBuf, String)>,
) -> BTreeMap<Vec<String>, Vec<Vec<String>>> {
    let path = Regex::new(
        r"(?:^|[^(\w:])(crate::tui|super)((?:::[A-Za-z_][A-Za-z0-9_]*)*)(?:::\{([^}]*)\})?",
    )
    .unwrap();
    // The longest prefix of `segments` that is a file.
    let file_of = |segments: &[String]| -> Option<Vec<String>> {
        (0..=segments.len())
            .rev()
            .map(|n| segments[..n].to_vec())
            .find(|m| rooms.contains_key(m))
    };
    let child = Regex::new(r"(?:^|[^:\w])([a-z_][a-z0-9_]*)::").unwrap();
    let mut out = BTreeMap::new();
    for (module, (file, code)) in rooms {
        let is_mod_rs = file.ends_with("mod.rs");
        let mut reached = Vec::new();
        let lines: Vec<&str> = code
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect();
        for line in &lines {
            let declares = ["mod ", "pub mod ", "pub use "]
                .iter()
                .any(|d| line.trim_start().starts_with(d));
            if is_mod_rs && !declares {
                for m in child.captures_iter(line) {
                    let mut inner = module.clone();
                    inner.push(m[1].to_string());
                    if rooms.contains_key(&inner) && !reached.contains(&inner) {
                        reached.push(inner);
                    }
                }
            }
        }
        // A `use` group may run over several lines.
        let code = lines.join("\n");
        for m in path.captures_iter(&code) {
            let rest: Vec<String> = m[2]
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            let mut at: Vec<String> = if &m[1] == "super" {
                // `super` of `update/queue.rs` is `update`; of `update/mod.rs`, `tui`.
                let mut up = module.clone();
                if is_mod_rs && up.is_empty() {
                    continue; // an inline module of `tui/mod.rs` naming the file itself
                }
                up.pop();
                up
            } else {
                Vec::new()
            };
            let mut rest = rest.into_iter().peekable();
            while rest.peek().map(String::as_str) == Some("super") {
                rest.next();
                at.pop();
            }
            at.extend(rest);
            let group: Vec<String> = m
                .get(3)
                .map(|g| {
                    g.as_str()
                        .split(',')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default();
            let targets: Vec<Vec<String>> = if group.is_empty() {
                vec![at]
            } else {
                group
                    .iter()
                    .map(|g| {
                        let mut p = at.clone();
                        p.extend(g.split("::").map(str::to_string));
                        p
                    })
                    .collect()
            };
            for t in targets {
                if let Some(f) = file_of(&t).filter(|f| f != module)
                    && !reached.contains(&f)
                {
                    reached.push(f);
                }
            }
        }
        out.insert(module.clone(), reached);
    }
    out
}

/// A circle of files, if there is one: each reaches the next, the last the first.
fn circle(walls: &BTreeMap<Vec<String>, Vec<Vec<String>>>) -> Option<Vec<Vec<String>>> {
    fn visit(
        at: &Vec<String>,
        walls: &BTreeMap<Vec<String>, Vec<Vec<String>>>,
        trail: &mut Vec<Vec<String>>,
        done: &mut Vec<Vec<String>>,
    ) -> Option<Vec<Vec<String>>> {
        if let Some(i) = trail.iter().position(|t| t == at) {
            return Some(trail[i..].to_vec());
        }
        if done.contains(at) {
            return None;
        }
        trail.push(at.clone());
        for next in walls.get(at).into_iter().flatten() {
            if let Some(c) = visit(next, walls, trail, done) {
                return Some(c);
            }
        }
        trail.pop();
        done.push(at.clone());
        None
    }
    let mut done = Vec::new();
    walls
        .keys()
        .find_map(|m| visit(m, walls, &mut Vec::new(), &mut done))
}

#[test]
fn no_file_of_the_screen_imports_one_that_imports_it_back() {
    let rooms = rooms();
    let walls = walls(&rooms);
    // The reading itself: the update's routing file reaches its panes, they do not reach it.
    let update = vec!["update".to_string()];
    assert!(walls[&update].contains(&vec!["update".to_string(), "queue".to_string()]));
    assert!(!walls[&vec!["update".to_string(), "queue".to_string()]].contains(&update));
    if let Some(c) = circle(&walls) {
        let names: Vec<String> = c.iter().map(|m| format!("tui/{}", m.join("/"))).collect();
        panic!("a circle of imports: {} → back", names.join(" → "));
    }
}

#[test]
fn no_file_of_the_screen_runs_past_900_lines_before_its_tests() {
    let long: Vec<String> = rooms()
        .values()
        .filter(|(_, code)| code.lines().count() > MOST_LINES)
        .map(|(path, code)| {
            let path = path
                .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .unwrap_or(path);
            format!("{} ({} lines)", path.display(), code.lines().count())
        })
        .collect();
    assert!(long.is_empty(), "split these by what they hold: {long:?}");
}
