//! The root: loads the built-in dataset once, owns the state, lays out the page.

use crate::components::{
    country_chips::CountryChips, data_source::DataSource, date_range::DateRange, event_details::EventDetails, kind_legend::KindLegend,
    list_view::ListView, print_list::PrintList, problems_panel::ProblemsPanel, search_box::SearchBox, stats_panel::StatsPanel, summary_line::SummaryLine,
    timeline_chart::TimelineChart, toolbar::Toolbar,
};
use crate::hooks::{use_data_source::{open_file, use_data_source}, use_root_attrs::use_root_attrs, use_url_sync::{read_location, use_url_sync}};
use crate::state::{Action, AppState, Data};
use timeline_core::urlstate::ViewMode;
use timeline_core::{load_json, BUILTIN_DATASET};
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        let loaded = load_json(BUILTIN_DATASET);
        let data = Data::new(loaded.dataset, loaded.problems);
        let (view, ignored) = read_location(&data.dataset);
        let mut s = AppState::new(data, view, ignored);
        if let Some(url) = crate::hooks::use_data_source::data_param() {
            s.load = crate::state::LoadStatus::Loading(url);
        }
        s
    });
    use_url_sync(state.clone());
    use_data_source(state.clone());
    use_root_attrs(state.shown.len(), state.source.clone(), state.load.clone());
    let onfile = {
        let state = state.clone();
        Callback::from(move |f: web_sys::File| open_file(state.clone(), f))
    };
    // A .json or .csv dropped anywhere on the page is opened.
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let onfile = onfile.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(f) = e.data_transfer().and_then(|d| d.files()).and_then(|l| l.get(0)) {
                onfile.emit(f);
            }
        })
    };

    let onexport = {
        let state = state.clone();
        Callback::from(move |kind: &'static str| {
            let r = if kind == "svg" {
                crate::export::export_svg(&state.data.dataset, &state.view)
            } else {
                crate::export::export_png(&state.data.dataset, &state.view)
            };
            if let Err(e) = r {
                web_sys::console::error_1(&e.into());
            }
        })
    };
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    crate::dom::fault_injection();
    let ds = state.data.dataset.clone();
    let title = ds.meta.title.clone();
    let list = state.view.view == ViewMode::List;
    let selected = state.view.selected.as_ref().and_then(|id| ds.event(id)).cloned();

    html! {
        <div class="app" {ondragover} {ondrop}>
            <header class="app-header">
                <h1>{ title }</h1>
                <SummaryLine dataset={ds.clone()} shown={state.shown.clone()} />
            </header>
            if !state.url_notice.is_empty() {
                <p class="notice" role="status">
                    { format!("Some link settings were not understood and were reset: {}", state.url_notice.join(", ")) }
                </p>
            }
            <DataSource source={state.source.clone()} load={state.load.clone()} {onfile} />
            <ProblemsPanel problems={state.data.problems.clone()} />
            <div class="layout">
                <aside class="filters" aria-label="Filters">
                    <SearchBox text={state.view.filter.text.clone()} dispatch={dispatch.clone()} />
                    <CountryChips dataset={ds.clone()} selected={state.view.filter.countries.clone()}
                        counts={state.counts.clone()} dispatch={dispatch.clone()} />
                    <KindLegend selected={state.view.filter.kinds.clone()} counts={state.counts.clone()} dispatch={dispatch.clone()} />
                    <DateRange from={state.view.filter.from} to={state.view.filter.to} dispatch={dispatch.clone()}
                        first_year={ds.events.first().map(|e| e.date.year()).unwrap_or(2001)}
                        last_year={ds.events.last().map(|e| e.date.year()).unwrap_or(2012)} />
                    <button class="link-button" onclick={dispatch.reform(|_| Action::ClearFilters)}>{ "Clear all filters" }</button>
                </aside>
                <main class="main" id="main">
                    <Toolbar view={state.view.view} grouping={state.view.grouping} dispatch={dispatch.clone()} {onexport} />
                    if list {
                        <ListView dataset={ds.clone()} shown={state.shown.clone()} selected={state.view.selected.clone()} dispatch={dispatch.clone()} />
                        if let Some(ev) = selected {
                            <EventDetails dataset={ds.clone()} event={ev} anchor={None::<(f64, f64)>} dispatch={dispatch.clone()} />
                        }
                    } else {
                        <TimelineChart state={state.clone()} dispatch={dispatch.clone()} />
                    }
                    <StatsPanel dataset={ds.clone()} shown={state.shown.clone()} dispatch={dispatch.clone()} />
                    <PrintList dataset={ds.clone()} shown={state.shown.clone()} filters={state.view.filter.describe(&ds)} />
                </main>
            </div>
            <footer class="app-footer">
                { "Source: " }
                { ds.meta.sources.iter().map(|s| match &s.author { Some(a) => format!("{a}, “{}”", s.title), None => s.title.clone() }).collect::<Vec<_>>().join("; ") }
            </footer>
        </div>
    }
}
