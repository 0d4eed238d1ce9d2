use timeline_core::fmt::px2;
use timeline_core::symbol::{points, symbol, Symbol};
use timeline_core::Category;
use yew::prelude::*;

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
/// stay readable in greyscale (timeline_core::symbol). A plain function: it
/// holds no state, and the chart draws many.
pub fn kind_symbol(c: &Category, size: f64) -> Html {
    let class = classes!("symbol", kind_class(c));
    let style = kind_style(c);
    match symbol(c.shape, size) {
        Symbol::Circle { r } => html! { <circle {class} {style} r={px2(r)} /> },
        Symbol::Rect { x, y, w, h, rx } => {
            html! { <rect {class} {style} x={px2(x)} y={px2(y)} width={px2(w)} height={px2(h)} rx={px2(rx)} /> }
        }
        Symbol::Polygon(p) => html! { <polygon {class} {style} points={points(&p)} /> },
    }
}
