use timeline_core::scale::{ticks, Window};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimeAxisProps {
    pub window: Window,
    /// Width of the plot area in pixels.
    pub width: f64,
    /// Height of the grid lines below the axis.
    pub height: f64,
    /// Type scale (1 at 12 px labels): tick spacing and label room grow with it.
    #[prop_or(1.0)]
    pub scale: f64,
}

/// Tick labels along the top and grid lines down through the lanes;
/// the unit adapts to the zoom (years, months, days).
#[function_component(TimeAxis)]
pub fn time_axis(props: &TimeAxisProps) -> Html {
    let k = props.scale;
    let ticks = ticks(props.window, props.width / k);
    html! {
        <g class="axis" aria-hidden="true">
            { for ticks.into_iter().map(|t| {
                let x = props.window.x(t.day as f64, props.width);
                html! {
                    <g class={classes!("tick", t.major.then_some("major"))}>
                        <line x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1={format!("{:.1}", 20.0 * k)} y2={props.height.to_string()} />
                        <text x={format!("{:.1}", x + 3.0 * k)} y={format!("{:.1}", 14.0 * k)}>{ t.label }</text>
                    </g>
                }
            }) }
        </g>
    }
}
