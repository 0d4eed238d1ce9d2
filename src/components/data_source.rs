#[cfg(feature = "full")]
use crate::components::column_mapping::ColumnMapping;
#[cfg(feature = "full")]
use crate::components::refused_problems::{refused_problems, RefusedProblemsProps};
use crate::state::{Import, LoadStatus};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct DataSourceProps {
    /// "built-in", a URL or a file name.
    pub source: String,
    pub load: LoadStatus,
    pub onfile: Callback<web_sys::File>,
    /// How the last file was read, and the mapping step when it was a table.
    pub import: Option<Rc<Import>>,
    pub onremap: Callback<timeline_core::Mapping>,
    /// Downloads of the shown events: "json" or "csv".
    pub onexport: Callback<&'static str>,
}

/// "data.csv was read as GTD's CSV export (its text as Windows-1252)." (A
/// refused file's load status says how it was read, and why not taken.)
fn read_as(i: &Import) -> String {
    let mut s = format!("{} was read as {}", i.name, i.format.label());
    if let Some(enc) = i.encoding.filter(|e| *e != "UTF-8") {
        s.push_str(&format!(" (its text as {enc})"));
    }
    s.push('.');
    s
}

/// Which dataset is shown, loading and failure messages, and "Open a dataset…"
/// for a local .json or .csv file (read in the browser, never uploaded).
/// A plain function (no state of its own: no component's lifecycle code).
pub fn data_source(props: &DataSourceProps) -> Html {
    let onchange = {
        let onfile = props.onfile.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                onfile.emit(f);
            }
            input.set_value("");
        })
    };
    let label = if props.source == "built-in" {
        "Built-in dataset".to_string()
    } else {
        format!("Dataset: {}", props.source)
    };
    html! {
        <section class="data-source" aria-label="Dataset">
            <span class="source-name" data-testid="source">{ label }</span>
            <label class="file-button">
                { "Open a dataset…" }
                <input type="file" accept=".json,.csv,.arrow,.feather,.ipc,.arrows,application/json,text/csv,application/vnd.apache.arrow.file,application/vnd.apache.arrow.stream" data-action="open-file" {onchange} />
            </label>
            <span class="export-data">
                { "Download what is shown: " }
                <button class="link-button" data-action="export-json" onclick={props.onexport.reform(|_| "json")}>{ "JSON" }</button>
                { " · " }
                <button class="link-button" data-action="export-csv" onclick={props.onexport.reform(|_| "csv")}>{ "CSV" }</button>
            </span>
            if let Some(i) = props.import.as_ref().filter(|i| i.refused.is_none()) {
                <p class="read-as" data-testid="read-as" data-format={format!("{:?}", i.format)}>{ read_as(i) }</p>
            }
            {
                match &props.load {
                    LoadStatus::Idle => html! {},
                    LoadStatus::Loading(what) => html! { <p class="notice" role="status" data-testid="load-status">{ format!("Loading {what}…") }</p> },
                    LoadStatus::Parsing { name, done, total } => html! {
                        <p class="notice" role="status" data-testid="load-status">
                            <label>
                                { format!("Reading {name}: {done} of {total} entries ") }
                                <progress data-testid="load-progress" max={total.to_string()} value={done.to_string()}></progress>
                            </label>
                        </p>
                    },
                    LoadStatus::Failed(why) => html! { <p class="notice error" role="alert" data-testid="load-status">{ why.clone() }</p> },
                }
            }
            { how_read(props) }
        </section>
    }
}

/// A refused file: its problems but the reason the load status says; the
/// mapping step of a table read.
#[cfg(feature = "full")]
fn how_read(props: &DataSourceProps) -> Html {
    html! {
        if let Some(i) = &props.import {
            if let Some(problems) = i.refused.as_ref().filter(|p| !p.is_empty()) {
                { refused_problems(&RefusedProblemsProps { name: i.name.clone(), problems: problems.clone() }) }
            }
            <ColumnMapping import={i.clone()} onapply={props.onremap.clone()} />
        }
    }
}

/// The lean module reads no file (upgrade.rs).
#[cfg(not(feature = "full"))]
fn how_read(_: &DataSourceProps) -> Html {
    Html::default()
}
