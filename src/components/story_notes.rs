//! A scene's annotations on the chart: a leader line from the anchor (an
//! event's mark, a date on the axis) to a short text, placed by
//! timeline_core::story::place_annotations. A plain function (no state).

use timeline_core::fmt::px;
use timeline_core::story::PlacedNote;
use yew::prelude::*;

/// `k`: the chart's type scale (the labels' boxes are measured with it).
pub fn story_notes(notes: &[PlacedNote], k: f64) -> Html {
    if notes.is_empty() {
        return html! {};
    }
    html! {
        <g class="story-notes" data-testid="story-notes">
            { for notes.iter().map(|n| { let (x, y, w, h) = n.label_box(k); html! {
                <g class="story-note" data-note={n.text.clone()}>
                    // The leader to the box's nearest point, under the box: it never crosses the text.
                    <line class="leader" x1={px(n.anchor.0)} y1={px(n.anchor.1)} x2={px(n.leader_end(k).0)} y2={px(n.leader_end(k).1)} />
                    <rect class="note-bg" x={px(x - 3.0)} y={px(y - 1.0)} width={px(w + 6.0)} height={px(h + 2.0)} rx="3" />
                    <circle class="anchor" cx={px(n.anchor.0)} cy={px(n.anchor.1)} r="3" />
                    <text x={px(n.label.0)} y={px(n.label.1)} text-anchor={if n.end { "end" } else { "start" }}>{ n.text.clone() }</text>
                </g>
            }}) }
        </g>
    }
}
