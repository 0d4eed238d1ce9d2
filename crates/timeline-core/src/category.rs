//! Categories (kinds) come from the data: declared in the metadata's
//! `categories` (id, label, plural, colour, shape, order) or, when a dataset
//! declares none, taken from the values its events use, in order of first
//! appearance. Each gets a palette slot and a shape, so categories stay
//! apart in colour (a colour-blind-safe palette) and in greyscale (a shape each).

use serde_json::{Map, Value};

/// An event's category: an index into the dataset's `meta.categories`.
/// The order of the categories is the lane order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Kind(pub u16);

impl Kind {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The symbol drawn for a category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    Circle,
    Pill,
    Diamond,
    Square,
    Triangle,
    TriangleDown,
    Hexagon,
    Cross,
}

impl Shape {
    /// In the order slots take them: category `i` gets `ALL[i % 8]`.
    pub const ALL: [Shape; 8] = [
        Shape::Circle,
        Shape::Pill,
        Shape::Diamond,
        Shape::Square,
        Shape::Triangle,
        Shape::TriangleDown,
        Shape::Hexagon,
        Shape::Cross,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Shape::Circle => "circle",
            Shape::Pill => "pill",
            Shape::Diamond => "diamond",
            Shape::Square => "square",
            Shape::Triangle => "triangle",
            Shape::TriangleDown => "triangle-down",
            Shape::Hexagon => "hexagon",
            Shape::Cross => "cross",
        }
    }

    pub fn parse(s: &str) -> Option<Shape> {
        Shape::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Number of palette slots; `styles/main.css` defines `--k-0` … `--k-7` per theme.
pub const SLOTS: usize = 8;

/// The light theme's palette (Okabe–Ito, darkened where needed for 3:1 on white).
pub const PALETTE: [&str; SLOTS] = [
    "#d55e00", "#0072b2", "#009e73", "#8e4f87", "#b27a00", "#b8488f", "#555555", "#2f7fa8",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Category {
    /// As written in the data and in URLs (`k=`).
    pub id: String,
    /// Singular, for one event: "Attack".
    pub label: String,
    /// For a lane or a legend entry: "Attacks".
    pub plural: String,
    /// A colour the metadata declares (`#rrggbb`); otherwise the palette slot's, per theme.
    pub colour: Option<String>,
    /// Palette slot, `0..SLOTS`.
    pub slot: u8,
    pub shape: Shape,
}

impl Category {
    /// A category for a value found in the data: labelled as written.
    pub fn found(id: &str, position: usize) -> Category {
        let label = if id == UNCATEGORISED {
            "Event".to_string()
        } else {
            capitalise(id)
        };
        Category {
            id: id.to_string(),
            plural: if id == UNCATEGORISED {
                "Events".into()
            } else {
                label.clone()
            },
            label,
            colour: None,
            slot: (position % SLOTS) as u8,
            shape: Shape::ALL[position % Shape::ALL.len()],
        }
    }

    /// The colour in the light theme (exports, charts): declared or the slot's.
    pub fn colour_hex(&self) -> &str {
        self.colour
            .as_deref()
            .unwrap_or(PALETTE[self.slot as usize % SLOTS])
    }
}

/// The category of events that name none, in a dataset that declares none.
pub const UNCATEGORISED: &str = "event";

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// Reads the metadata's `categories`, in `order` (then as listed). A bad
/// field of one category is reported and falls back to its default.
pub(crate) fn load_categories(
    list: &[Value],
    problems: &mut Vec<crate::problem::Problem>,
) -> Vec<Category> {
    use crate::problem::meta_problem;
    use crate::problem::ProblemKind as P;
    use crate::text::opt_str;
    let mut out: Vec<(f64, Category)> = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let empty = Map::new();
        let (o, id) = match v {
            Value::String(s) if !s.trim().is_empty() => (&empty, s.trim().to_string()),
            Value::Object(o) => match opt_str(o, "id") {
                Some(id) => (o, id),
                None => {
                    problems.push(meta_problem(
                        P::MissingField,
                        format!("categories[{i}].id"),
                        "a category needs an id".into(),
                    ));
                    continue;
                }
            },
            _ => {
                problems.push(meta_problem(
                    P::WrongType,
                    format!("categories[{i}]"),
                    "must be an object with an id, or an id".into(),
                ));
                continue;
            }
        };
        if out.iter().any(|(_, c)| c.id == id) {
            problems.push(meta_problem(
                P::DuplicateId,
                format!("categories[{i}].id"),
                format!("\"{id}\" is declared twice"),
            ));
            continue;
        }
        let mut c = Category::found(&id, out.len());
        if let Some(l) = opt_str(o, "label") {
            c.plural = opt_str(o, "plural").unwrap_or_else(|| l.clone());
            c.label = l;
        } else if let Some(p) = opt_str(o, "plural") {
            c.plural = p;
        }
        if let Some(col) = opt_str(o, "colour").or_else(|| opt_str(o, "color")) {
            if is_hex_colour(&col) {
                c.colour = Some(col.to_ascii_lowercase());
            } else {
                problems.push(meta_problem(
                    P::BadValue,
                    format!("categories[{i}].colour"),
                    format!(
                        "\"{col}\" is not a colour of the form #rrggbb (the palette's is used)"
                    ),
                ));
            }
        }
        if let Some(s) = opt_str(o, "shape") {
            match Shape::parse(&s) {
                Some(s) => c.shape = s,
                None => problems.push(meta_problem(
                    P::BadValue,
                    format!("categories[{i}].shape"),
                    format!(
                        "\"{s}\" is not one of {} (a default shape is used)",
                        Shape::ALL.map(Shape::as_str).join(", ")
                    ),
                )),
            }
        }
        let order = o
            .get("order")
            .and_then(Value::as_f64)
            .unwrap_or(out.len() as f64);
        out.push((order, c));
    }
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    out.into_iter().map(|(_, c)| c).collect()
}
