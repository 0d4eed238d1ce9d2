use timeline_core::{Category, Shape};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KindSymbolProps {
    pub category: Category,
    /// Half the symbol's size, in pixels.
    pub size: f64,
}

/// The palette class of a category (`k-0` … `k-7`, coloured per theme in
/// `styles/main.css`) and, for a colour the dataset declares, the style that
/// sets it instead.
pub fn kind_class(c: &Category) -> String {
    format!("k-{}", c.slot)
}

pub fn kind_style(c: &Category) -> Option<String> {
    c.colour.as_ref().map(|col| format!("--k:{col}"))
}

/// Each category has its own shape as well as its own colour, so categories
/// stay readable in greyscale (the built-in kinds: circle, pill, diamond,
/// square, triangle).
#[function_component(KindSymbol)]
pub fn kind_symbol(props: &KindSymbolProps) -> Html {
    let s = props.size;
    let c = &props.category;
    let class = classes!("symbol", kind_class(c));
    let style = kind_style(c);
    let poly = |pts: Vec<(f64, f64)>| {
        pts.iter()
            .map(|(x, y)| format!("{x:.2},{y:.2}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    match c.shape {
        Shape::Circle => html! { <circle {class} {style} r={s.to_string()} /> },
        Shape::Pill => {
            html! { <rect {class} {style} x={(-s * 1.3).to_string()} y={(-s * 0.6).to_string()} width={(s * 2.6).to_string()} height={(s * 1.2).to_string()} rx={(s * 0.6).to_string()} /> }
        }
        Shape::Diamond => {
            html! { <polygon {class} {style} points={poly(vec![(0.0, -s * 1.25), (s * 1.25, 0.0), (0.0, s * 1.25), (-s * 1.25, 0.0)])} /> }
        }
        Shape::Square => {
            html! { <rect {class} {style} x={(-s * 0.9).to_string()} y={(-s * 0.9).to_string()} width={(s * 1.8).to_string()} height={(s * 1.8).to_string()} /> }
        }
        Shape::Triangle => {
            html! { <polygon {class} {style} points={poly(vec![(0.0, -s * 1.2), (s * 1.2, s), (-s * 1.2, s)])} /> }
        }
        Shape::TriangleDown => {
            html! { <polygon {class} {style} points={poly(vec![(0.0, s * 1.2), (s * 1.2, -s), (-s * 1.2, -s)])} /> }
        }
        Shape::Hexagon => {
            let pts = (0..6)
                .map(|i| {
                    let a = std::f64::consts::PI / 3.0 * i as f64;
                    (s * 1.1 * a.cos(), s * 1.1 * a.sin())
                })
                .collect();
            html! { <polygon {class} {style} points={poly(pts)} /> }
        }
        Shape::Cross => {
            let (a, b) = (s * 1.1, s * 0.4);
            html! { <polygon {class} {style} points={poly(vec![(-b, -a), (b, -a), (b, -b), (a, -b), (a, b), (b, b), (b, a), (-b, a), (-b, b), (-a, b), (-a, -b), (-b, -b)])} /> }
        }
    }
}
