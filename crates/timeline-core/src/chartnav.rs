//! Walking the chart from the keyboard: the chart is one Tab stop, and keys
//! move a cursor from event to event — in time within a lane, between lanes,
//! to a lane's ends, and by the axis's tick unit. Pure: the app maps keys to a
//! [`Move`] and draws where the cursor lands (the layout never hides it in a
//! cluster, see `LayoutParams::keep`).

use crate::layout::{lane_members, lanes_of, Grouping, LaneKey};
use crate::model::Dataset;
use crate::scale::{TickUnit, Window};

/// Where the keyboard is in the chart: an event, in one of its lanes (an event
/// naming two countries is in two lanes when grouped by country).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub lane: LaneKey,
    /// Index into `Dataset::events`.
    pub event: usize,
}

/// A move of the cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// The next or previous event of the lane, in time.
    Next,
    Prev,
    /// The lane above or below that has events, at the event nearest in time.
    Up,
    Down,
    /// The lane's first or last event.
    First,
    Last,
    /// The first event one tick unit later (or the last one tick unit earlier).
    PageNext,
    PagePrev,
}

impl Move {
    /// The key (as `KeyboardEvent.key` names it) for a move, if any.
    pub fn from_key(key: &str) -> Option<Move> {
        Some(match key {
            "ArrowRight" => Move::Next,
            "ArrowLeft" => Move::Prev,
            "ArrowUp" => Move::Up,
            "ArrowDown" => Move::Down,
            "Home" => Move::First,
            "End" => Move::Last,
            "PageDown" => Move::PageNext,
            "PageUp" => Move::PagePrev,
            _ => return None,
        })
    }
}

/// Roughly how many days one tick unit is.
pub fn unit_days(unit: TickUnit) -> f64 {
    match unit {
        TickUnit::Years(n) => 365.25 * n as f64,
        TickUnit::Months(n) => 30.44 * n as f64,
        TickUnit::Days(n) => n as f64,
    }
}

/// A cursor on `event` if it is shown: in `lane` if the event is in that lane,
/// else in the first of its lanes.
pub fn at(
    ds: &Dataset,
    shown: &[usize],
    grouping: Grouping,
    event: usize,
    lane: Option<&LaneKey>,
) -> Option<Cursor> {
    shown.binary_search(&event).ok()?;
    let lanes = lanes_of(ds, event, grouping);
    let lane = match lane {
        Some(l) if lanes.contains(l) => l.clone(),
        _ => lanes.into_iter().next()?,
    };
    Some(Cursor { lane, event })
}

/// The cursor still valid for these lanes: its event shown in its lane, else
/// the same event in another of its lanes, else none.
pub fn valid(
    ds: &Dataset,
    shown: &[usize],
    grouping: Grouping,
    cursor: Option<&Cursor>,
) -> Option<Cursor> {
    let c = cursor?;
    at(ds, shown, grouping, c.event, Some(&c.lane))
}

/// Where the cursor goes for `mv`. Without a (valid) cursor, any move starts at
/// the first event that starts inside `window` — of the topmost lane having one —
/// or, if none does, the first event of the first lane with events.
pub fn step(
    ds: &Dataset,
    shown: &[usize],
    grouping: Grouping,
    cursor: Option<&Cursor>,
    mv: Move,
    window: Window,
    unit: TickUnit,
) -> Option<Cursor> {
    let lanes: Vec<(LaneKey, Vec<usize>)> = lane_members(ds, shown, grouping)
        .into_iter()
        .filter(|(_, _, m)| !m.is_empty())
        .map(|(k, _, m)| (k, m))
        .collect();
    let start = |i: usize| ds.days(i).0 as f64;
    let Some(c) = valid(ds, shown, grouping, cursor) else {
        let inside = lanes.iter().find_map(|(k, m)| {
            m.iter()
                .find(|&&i| start(i) >= window.start && start(i) < window.end)
                .map(|&i| (k, i))
        });
        let (lane, event) = inside.or_else(|| lanes.first().map(|(k, m)| (k, m[0])))?;
        return Some(Cursor {
            lane: lane.clone(),
            event,
        });
    };
    let li = lanes.iter().position(|(k, _)| *k == c.lane)?;
    let members = &lanes[li].1;
    // Members are in time order (shown is), so positions are found by search.
    let at = members.binary_search(&c.event).ok()?;
    let here = start(c.event);
    let in_lane = |event: usize| Cursor {
        lane: c.lane.clone(),
        event,
    };
    Some(match mv {
        Move::Next => in_lane(members[(at + 1).min(members.len() - 1)]),
        Move::Prev => in_lane(members[at.saturating_sub(1)]),
        Move::First => in_lane(members[0]),
        Move::Last => in_lane(members[members.len() - 1]),
        Move::PageNext => {
            let target = here + unit_days(unit);
            let j = members.partition_point(|&i| start(i) < target);
            in_lane(members[j.min(members.len() - 1).max(at)])
        }
        Move::PagePrev => {
            let target = here - unit_days(unit);
            let j = members.partition_point(|&i| start(i) <= target);
            in_lane(members[j.saturating_sub(1).min(at)])
        }
        Move::Up | Move::Down => {
            let lj = if mv == Move::Up {
                li.checked_sub(1)
            } else {
                Some(li + 1).filter(|&j| j < lanes.len())
            };
            let Some(lj) = lj else {
                return Some(c);
            };
            let (key, m) = &lanes[lj];
            // The event nearest in time to the current one.
            let j = m.partition_point(|&i| start(i) < here);
            let best = [j.checked_sub(1), Some(j).filter(|&j| j < m.len())]
                .into_iter()
                .flatten()
                .min_by(|&a, &b| {
                    (start(m[a]) - here)
                        .abs()
                        .total_cmp(&(start(m[b]) - here).abs())
                })
                .unwrap_or(0);
            Cursor {
                lane: key.clone(),
                event: m[best],
            }
        }
    })
}

/// The window after the cursor moved to `event`: unchanged if the event is in
/// view, else the same span centred on it.
pub fn follow(ds: &Dataset, event: usize, window: Window, bounds: Window) -> Window {
    let e = &ds.events[event];
    let (a, b) = (e.start_day() as f64, e.end_day() as f64 + 1.0);
    if a >= window.start && a < window.end {
        return window;
    }
    let mid = if b - a < window.span() {
        (a + b) / 2.0
    } else {
        a + window.span() / 2.0
    };
    window.centred_on(mid, bounds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{load_json, BUILTIN_DATASET};

    fn data() -> (Dataset, Vec<usize>) {
        let ds = load_json(BUILTIN_DATASET).dataset;
        let shown = (0..ds.events.len()).collect();
        (ds, shown)
    }

    fn id(ds: &Dataset, c: &Option<Cursor>) -> String {
        ds.events[c.as_ref().unwrap().event].id.clone()
    }

    #[test]
    fn a_first_key_starts_at_the_first_event_in_view_and_arrows_walk_a_lane_in_time() {
        let (ds, shown) = data();
        let w = Window::fit(
            ds.events[0].start_day(),
            ds.events.last().unwrap().end_day(),
        );
        let unit = TickUnit::Years(1);
        let g = Grouping::Kind;
        let c = step(&ds, &shown, g, None, Move::Next, w, unit);
        assert_eq!(
            c.as_ref().unwrap().event,
            0,
            "the first event of the topmost lane with one in view"
        );
        // Next walks the lane in time order and stops at its end.
        let lane = c.as_ref().unwrap().lane.clone();
        let mut cur = c;
        let mut seen = vec![cur.as_ref().unwrap().event];
        for _ in 0..ds.events.len() {
            cur = step(&ds, &shown, g, cur.as_ref(), Move::Next, w, unit);
            let e = cur.as_ref().unwrap().event;
            assert_eq!(cur.as_ref().unwrap().lane, lane);
            if *seen.last().unwrap() == e {
                break;
            }
            seen.push(e);
        }
        let want: Vec<usize> = lane_members(&ds, &shown, g)
            .into_iter()
            .find(|(k, _, _)| *k == lane)
            .unwrap()
            .2;
        assert_eq!(seen, want);
        // Prev from the first stays; Last and First reach the ends.
        let last = step(&ds, &shown, g, cur.as_ref(), Move::Last, w, unit);
        assert_eq!(last.as_ref().unwrap().event, *want.last().unwrap());
        let first = step(&ds, &shown, g, last.as_ref(), Move::First, w, unit);
        assert_eq!(first.as_ref().unwrap().event, want[0]);
        assert_eq!(
            step(&ds, &shown, g, first.as_ref(), Move::Prev, w, unit),
            first
        );
    }

    #[test]
    fn up_and_down_go_between_lanes_with_events_to_the_nearest_in_time() {
        let (ds, shown) = data();
        let g = Grouping::Kind;
        let w = Window::new(0.0, 1e7);
        let unit = TickUnit::Years(1);
        let beslan = ds.position("beslan-2004").unwrap();
        let c = Some(Cursor {
            lane: lanes_of(&ds, beslan, g)[0].clone(),
            event: beslan,
        });
        let down = step(&ds, &shown, g, c.as_ref(), Move::Down, w, unit).unwrap();
        assert_ne!(down.lane, c.as_ref().unwrap().lane);
        // Nearest in time among the lane's events.
        let here = ds.events[beslan].start_day();
        let lane = lane_members(&ds, &shown, g)
            .into_iter()
            .find(|(k, _, _)| *k == down.lane)
            .unwrap()
            .2;
        let best = lane
            .iter()
            .map(|&i| (ds.events[i].start_day() - here).abs())
            .min()
            .unwrap();
        assert_eq!((ds.events[down.event].start_day() - here).abs(), best);
        let up = step(&ds, &shown, g, Some(&down), Move::Up, w, unit).unwrap();
        assert_eq!(up.lane, c.as_ref().unwrap().lane);
        // The topmost lane stays on Up.
        let mut top = up;
        for _ in 0..10 {
            top = step(&ds, &shown, g, Some(&top), Move::Up, w, unit).unwrap();
        }
        assert_eq!(
            step(&ds, &shown, g, Some(&top), Move::Up, w, unit),
            Some(top)
        );
    }

    #[test]
    fn page_keys_move_by_the_tick_unit() {
        let (ds, shown) = data();
        let g = Grouping::Country;
        let w = Window::new(0.0, 1e7);
        let first = step(&ds, &shown, g, None, Move::First, w, TickUnit::Years(1)).unwrap();
        let next = step(
            &ds,
            &shown,
            g,
            Some(&first),
            Move::PageNext,
            w,
            TickUnit::Years(1),
        )
        .unwrap();
        let d = ds.events[next.event].start_day() - ds.events[first.event].start_day();
        assert!(d >= 365, "a year on at least: {d} days");
        let back = step(
            &ds,
            &shown,
            g,
            Some(&next),
            Move::PagePrev,
            w,
            TickUnit::Years(1),
        )
        .unwrap();
        assert!(ds.events[back.event].start_day() <= ds.events[next.event].start_day() - 365);
        assert!(!id(&ds, &Some(back)).is_empty());
    }

    #[test]
    fn a_cursor_filtered_out_is_dropped_and_the_window_follows_it() {
        let (ds, shown) = data();
        let beslan = ds.position("beslan-2004").unwrap();
        let c = Cursor {
            lane: LaneKey::Country("RU".into()),
            event: beslan,
        };
        let without: Vec<usize> = shown.iter().copied().filter(|&i| i != beslan).collect();
        assert_eq!(valid(&ds, &without, Grouping::Country, Some(&c)), None);
        // Grouped by kind, the same event is found in its kind's lane.
        let v = valid(&ds, &shown, Grouping::Kind, Some(&c)).unwrap();
        assert_eq!(v.lane, LaneKey::Kind(ds.events[beslan].kind));
        let day = ds.events[beslan].start_day() as f64;
        let w = Window::new(day + 400.0, day + 800.0);
        let f = follow(&ds, beslan, w, Window::new(0.0, 1e7));
        assert!(f.start <= day && day < f.end && (f.span() - w.span()).abs() < 1e-6);
        let inside = Window::new(day - 10.0, day + 390.0);
        assert_eq!(follow(&ds, beslan, inside, Window::new(0.0, 1e7)), inside);
    }
}
