//! Stories in the state, natively.

use crate::state::{Action, AppState, Data};
use crate::story_state::StoryAction as S;
use std::rc::Rc;
use timeline_core::{load_json, BUILTIN_DATASET};
use yew::Reducible;

fn state(query: &str) -> Rc<AppState> {
    let l = load_json(BUILTIN_DATASET);
    let mut s = AppState::new(
        Data::new(l.dataset, l.problems),
        timeline_core::urlstate::decode(query).state,
        vec![],
    );
    Rc::make_mut(&mut s.story).reduced_motion = true;
    Rc::new(s)
}

fn run(s: Rc<AppState>, actions: Vec<S>) -> Rc<AppState> {
    actions
        .into_iter()
        .fold(s, |s, a| s.reduce(Action::Story(a)))
}

#[test]
fn scenes_capture_views_and_play_them_back() {
    let s = run(state("c=KZ"), vec![S::AddScene]);
    let s = s.reduce(Action::ToggleCountry("RU".into()));
    let s = run(s, vec![S::AddCard, S::AddScene]);
    let scenes = &s.story.story().scenes;
    assert_eq!(scenes.len(), 3);
    assert!(scenes[1].view.is_none(), "a title card has no view");
    let s = run(s, vec![S::Go(0)]);
    assert_eq!(s.view.filter.countries, Some(["KZ".to_string()].into()));
    let kz = s.shown.len();
    let s = run(s, vec![S::Step(1)]);
    assert!(s.story.on_card());
    let s = run(s, vec![S::Step(1), S::Step(5)]);
    assert_eq!(s.story.playing, Some(2), "steps stop at the last scene");
    assert_ne!(s.shown.len(), kz, "the filter of scene 3 applies");
    let s = run(s, vec![S::Stop]);
    assert_eq!(s.story.playing, None);
}

#[test]
fn edits_undo_and_redo() {
    let s = run(state(""), vec![S::AddScene, S::AddScene]);
    let s = run(s, vec![S::SetSceneTitle(1, "Beslan".into())]);
    assert_eq!(s.story.story().scenes[1].title, "Beslan");
    let s = run(s, vec![S::Undo]);
    assert_eq!(s.story.story().scenes[1].title, "Scene 2");
    let s = run(s, vec![S::Redo]);
    assert_eq!(s.story.story().scenes[1].title, "Beslan");
    let s = run(
        s,
        vec![S::Edit(timeline_core::story::Edit::Delete(1)), S::Choose(1)],
    );
    assert_eq!(s.story.story().scenes.len(), 1);
}

#[test]
fn the_window_moves_in_steps_unless_motion_is_reduced() {
    let a = "w=2003-01-01~2004-01-01";
    let s = run(state(a), vec![S::AddScene]);
    let s = s.reduce(Action::Restore(
        timeline_core::urlstate::decode("w=2008-01-01~2009-01-01").state,
    ));
    let mut s = (*run(s, vec![S::AddScene, S::Go(0)])).clone();
    Rc::make_mut(&mut s.story).reduced_motion = false;
    let s = run(Rc::new(s), vec![S::Step(1)]);
    let m = s.story.motion.expect("a move");
    assert_eq!(s.window(), m.from);
    let s = run(s, vec![S::Tween(0.5)]);
    assert!(s.window().start > m.from.start && s.window().start < m.to.start);
    let s = run(s, vec![S::Tween(1.0)]);
    assert_eq!(s.window(), m.to);
    assert_eq!(s.story.motion, None);
}

#[test]
fn a_story_with_its_own_data_waits_for_it_then_plays() {
    let story = timeline_core::story::Story {
        data: Some("/elsewhere.json".into()),
        scenes: vec![timeline_core::story::Scene {
            title: "One".into(),
            highlight: vec!["not-in-the-builtin-data".into()],
            view: Some(Default::default()),
            ..Default::default()
        }],
        ..Default::default()
    };
    let loaded = S::Loaded {
        story,
        problems: vec![],
        name: "s.json".into(),
        play: true,
    };
    let s = run(state(""), vec![loaded]);
    assert_eq!(s.story.playing, None, "not before its data");
    assert_eq!(
        s.load,
        crate::state::LoadStatus::Loading("/elsewhere.json".into())
    );
    assert!(s.story.awaiting.as_ref().is_some_and(|w| w.fetch && w.play));
    let s = run(s, vec![S::DataFailed("Could not load it.".into())]);
    assert_eq!(s.story.playing, Some(0));
    assert!(s
        .story
        .notice
        .as_deref()
        .unwrap()
        .contains("could not be loaded"));
    assert!(s
        .story
        .problems
        .iter()
        .any(|p| p.to_string().contains("not-in-the-builtin-data")));
    assert_eq!(s.story.awaiting, None);
}
