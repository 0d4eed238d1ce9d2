use crate::state::Action;
use std::rc::Rc;
use timeline_core::layout::Grouping;
use timeline_core::outline::{Node, NodeId, Outline};
use timeline_core::Dataset;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartOutlineProps {
    pub dataset: Rc<Dataset>,
    pub shown: Rc<Vec<usize>>,
    pub grouping: Grouping,
    pub dispatch: Callback<Action>,
}

/// A visible row of the tree: its node, depth (1 = lane), place among its
/// siblings and whether it has children.
struct Row {
    node: Node,
    level: usize,
    pos: usize,
    of: usize,
    branch: bool,
}

/// The branches opened by hand: a few, so a list (a `HashSet<NodeId>` costs
/// the first module a hash table's code of its own).
#[derive(Clone, Default)]
struct OpenSet(Vec<NodeId>);

impl OpenSet {
    fn contains(&self, id: &NodeId) -> bool {
        self.0.contains(id)
    }
    fn insert(&mut self, id: NodeId) {
        if !self.contains(&id) {
            self.0.push(id);
        }
    }
    /// Takes `id` out; whether it was there.
    fn remove(&mut self, id: &NodeId) -> bool {
        let n = self.0.len();
        self.0.retain(|x| x != id);
        self.0.len() != n
    }
}

/// A node's key (and `data-node`): lane, range, unit (its number: no Debug
/// formatting in the first module).
fn key_of(id: &NodeId) -> String {
    format!("{}-{}-{}-{}", id.lane, id.from, id.to, id.unit as u8)
}

/// The rows shown: the roots, and the children of every expanded node, in order.
fn visible(o: &Outline, ds: &Dataset, open: &OpenSet) -> Vec<Row> {
    fn walk(
        o: &Outline,
        ds: &Dataset,
        open: &OpenSet,
        nodes: Vec<Node>,
        level: usize,
        out: &mut Vec<Row>,
    ) {
        let of = nodes.len();
        for (pos, node) in nodes.into_iter().enumerate() {
            let branch = node.event.is_none();
            let id = node.id.clone();
            out.push(Row {
                node,
                level,
                pos: pos + 1,
                of,
                branch,
            });
            if branch && open.contains(&id) {
                walk(o, ds, open, o.children(ds, &id), level + 1, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(o, ds, open, o.roots(), 1, &mut out);
    out
}

/// The chart as a tree to walk with a screen reader or the keys (WAI-ARIA tree
/// pattern): lanes → years → events, months, days or runs between where a level
/// holds too many (timeline_core::outline). One Tab stop; Up/Down move, Right
/// opens or goes in, Left closes or goes out, Home/End, Enter opens the event.
#[function_component(ChartOutline)]
pub fn chart_outline(props: &ChartOutlineProps) -> Html {
    let open = crate::hooks::erased::use_state(OpenSet::default);
    let active = crate::hooks::erased::use_state(|| None::<NodeId>);
    let tree = use_node_ref();
    // The tree is grouped only while the outline is open: closed, a filter
    // click does not group the shown events a second time (the chart does).
    let expanded = crate::hooks::erased::use_state(|| false);
    let outline = {
        let ds = props.dataset.clone();
        use_memo(
            (props.shown.clone(), props.grouping, *expanded),
            move |(shown, g, is_open)| is_open.then(|| Outline::new(&ds, shown, *g)),
        )
    };
    let ds = &props.dataset;
    let rows = (*outline)
        .as_ref()
        .map(|o| visible(o, ds, &open))
        .unwrap_or_default();
    let ontoggle = {
        let expanded = expanded.clone();
        Callback::from(move |e: Event| {
            let is_open = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                .is_some_and(|d| d.open());
            expanded.set(is_open);
        })
    };
    // The active row, else the first: the tree's one Tab stop.
    let at = active
        .as_ref()
        .and_then(|a| rows.iter().position(|r| &r.node.id == a))
        .unwrap_or(0);

    // Focus follows the active row while the keyboard is in the tree.
    {
        let tree = tree.clone();
        let key = rows.get(at).map(|r| key_of(&r.node.id));
        crate::hooks::erased::use_effect_on(key, move |key| {
            let (Some(el), Some(key)) = (tree.cast::<web_sys::Element>(), key) else {
                return;
            };
            let inside = crate::dom::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .is_some_and(|a| el.contains(Some(a.as_ref())));
            if inside {
                if let Ok(Some(row)) = el.query_selector(&format!("[data-node=\"{key}\"]")) {
                    let _ = row.dyn_into::<web_sys::HtmlElement>().map(|h| h.focus());
                }
            }
        });
    }

    let onkeydown = {
        let (open, active) = (open.clone(), active.clone());
        let dispatch = props.dispatch.clone();
        let ids: Vec<(NodeId, bool, Option<usize>, usize)> = rows
            .iter()
            .map(|r| (r.node.id.clone(), r.branch, r.node.event, r.level))
            .collect();
        let ds = props.dataset.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some((id, branch, event, level)) = ids.get(at).cloned() else {
                return;
            };
            let is_open = open.contains(&id);
            let go = |i: usize| active.set(ids.get(i).map(|r| r.0.clone()));
            match e.key().as_str() {
                "ArrowDown" => go((at + 1).min(ids.len().saturating_sub(1))),
                "ArrowUp" => go(at.saturating_sub(1)),
                "Home" => go(0),
                "End" => go(ids.len().saturating_sub(1)),
                "ArrowRight" if branch && !is_open => {
                    let mut o = (*open).clone();
                    o.insert(id);
                    open.set(o);
                }
                "ArrowRight" if branch => go(at + 1),
                "ArrowLeft" if branch && is_open => {
                    let mut o = (*open).clone();
                    o.remove(&id);
                    open.set(o);
                }
                // Out to the parent: the nearest row above one level up.
                "ArrowLeft" => {
                    if let Some(p) = ids[..at].iter().rposition(|r| r.3 + 1 == level) {
                        go(p);
                    }
                }
                "Enter" | " " if branch => {
                    let mut o = (*open).clone();
                    if !o.remove(&id) {
                        o.insert(id);
                    }
                    open.set(o);
                }
                "Enter" | " " => {
                    // Esc in the details comes back to this row.
                    crate::dom::set_return_focus(e.target().and_then(|t| t.dyn_into().ok()));
                    if let Some(i) = event {
                        dispatch.emit(Action::Select(Some(ds.events[i].id.clone())));
                    }
                }
                _ => return,
            }
            e.prevent_default();
        })
    };

    let items: Html = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let id = r.node.id.clone();
            let onclick = {
                let (open, active, dispatch) = (open.clone(), active.clone(), props.dispatch.clone());
                let (branch, event) = (r.branch, r.node.event);
                let ds = props.dataset.clone();
                Callback::from(move |e: MouseEvent| {
                    active.set(Some(id.clone()));
                    if branch {
                        let mut o = (*open).clone();
                        if !o.remove(&id) {
                            o.insert(id.clone());
                        }
                        open.set(o);
                    } else if let Some(ev) = event {
                        crate::dom::set_return_focus(e.target().and_then(|t| t.dyn_into().ok()));
                        dispatch.emit(Action::Select(Some(ds.events[ev].id.clone())));
                    }
                })
            };
            let expanded = r.branch.then(|| open.contains(&r.node.id).to_string());
            html! {
                <li role="treeitem" key={key_of(&r.node.id)} data-node={key_of(&r.node.id)}
                    data-event-ref={r.node.event.map(|e| ds.events[e].id.clone())}
                    class={classes!("outline-item", format!("level-{}", r.level.min(6)))}
                    aria-level={r.level.to_string()} aria-setsize={r.of.to_string()} aria-posinset={r.pos.to_string()}
                    aria-expanded={expanded} tabindex={if i == at { "0" } else { "-1" }} {onclick}>
                    { r.node.label.clone() }
                </li>
            }
        })
        .collect();

    html! {
        <details class="outline" data-testid="outline" {ontoggle}>
            <summary>{ "Outline: the events by lane and year, for the keyboard and screen readers" }</summary>
            // Flat rows with levels (aria-level, aria-setsize, aria-posinset): the same
            // tree to assistive technology as nested groups, and simpler to keep in step.
            <ul role="tree" aria-label="Events by lane, year and event" ref={tree} {onkeydown}>
                { items }
            </ul>
        </details>
    }
}
