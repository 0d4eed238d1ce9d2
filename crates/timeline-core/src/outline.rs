//! The chart as a tree a screen reader can walk: lanes → years → events, with
//! months and days put between where a year or a month holds too many events
//! to walk one by one, so that any of 100,000 events is a few keys away.
//! Pure: the app renders the nodes of the expanded branches only.

use crate::date::{month_name, year_label};
use crate::describe::{count_events, group};
use crate::layout::{lane_members, Grouping};
use crate::model::Dataset;

/// Above this many events a group is split by the next finer unit.
pub const MAX_LEAVES: usize = 31;

/// What a node groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    Lane,
    Year,
    Month,
    Day,
    /// A run of events too many to list at once and not told apart by their
    /// dates (one day, or dates known only to the year): split by count.
    Run,
    Event,
}

/// A node: a run of one lane's events (positions `from..to` in the lane's
/// members, time order). Two nodes are the same node when these are equal.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NodeId {
    pub lane: usize,
    pub from: usize,
    pub to: usize,
    pub unit: Unit,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub id: NodeId,
    /// "Attacks, 25 events", "2004, 9 events", the event's own label.
    pub label: String,
    /// The event (index into `Dataset::events`) of a leaf.
    pub event: Option<usize>,
}

/// The lanes' members, as the chart has them (non-empty lanes only).
pub struct Outline {
    lanes: Vec<(String, Vec<usize>)>,
}

impl Outline {
    pub fn new(ds: &Dataset, shown: &[usize], grouping: Grouping) -> Self {
        Outline {
            lanes: lane_members(ds, shown, grouping)
                .into_iter()
                .filter(|(_, _, m)| !m.is_empty())
                .map(|(_, label, m)| (label, m))
                .collect(),
        }
    }

    /// The top level: one node per lane with events.
    pub fn roots(&self) -> Vec<Node> {
        self.lanes
            .iter()
            .enumerate()
            .map(|(lane, (label, m))| Node {
                id: NodeId {
                    lane,
                    from: 0,
                    to: m.len(),
                    unit: Unit::Lane,
                },
                label: format!("{label}, {}", count_events(m.len())),
                event: None,
            })
            .collect()
    }

    /// A node's children: years of a lane; months of a crowded year (else its
    /// events); days of a crowded month (else its events); a day's events.
    pub fn children(&self, ds: &Dataset, id: &NodeId) -> Vec<Node> {
        let Some((_, members)) = self.lanes.get(id.lane) else {
            return Vec::new();
        };
        let run = &members[id.from.min(members.len())..id.to.min(members.len())];
        let crowded = run.len() > MAX_LEAVES;
        let date = |i: usize| ds.events[i].date;
        // Runs of consecutive members with the same key (members are in time order).
        let split = |unit: Unit, key: &dyn Fn(usize) -> (i32, Option<u8>, Option<u8>)| {
            let mut out = Vec::new();
            let mut a = 0;
            while a < run.len() {
                let k = key(run[a]);
                let mut b = a + 1;
                while b < run.len() && key(run[b]) == k {
                    b += 1;
                }
                let (y, m, d) = k;
                let when = match (unit, m, d) {
                    (Unit::Year, _, _) => year_label(y),
                    (Unit::Month, Some(m), _) => format!("{} {}", month_name(m), year_label(y)),
                    (Unit::Month, None, _) => format!("{}, month not known", year_label(y)),
                    (_, Some(m), Some(d)) => format!("{d} {} {}", month_name(m), year_label(y)),
                    (_, Some(m), None) => {
                        format!("{} {}, day not known", month_name(m), year_label(y))
                    }
                    _ => year_label(y),
                };
                out.push(Node {
                    id: NodeId {
                        lane: id.lane,
                        from: id.from + a,
                        to: id.from + b,
                        unit,
                    },
                    label: format!("{when}, {}", count_events(b - a)),
                    event: None,
                });
                a = b;
            }
            out
        };
        let leaves = || {
            run.iter()
                .enumerate()
                .map(|(k, &i)| Node {
                    id: NodeId {
                        lane: id.lane,
                        from: id.from + k,
                        to: id.from + k + 1,
                        unit: Unit::Event,
                    },
                    label: crate::describe::event_label(ds, &ds.events[i]),
                    event: Some(i),
                })
                .collect()
        };
        // Runs of at most MAX_LEAVES (or of MAX_LEAVES runs, and so on).
        let runs = || {
            let mut size = 1;
            while run.len().div_ceil(size) > MAX_LEAVES {
                size *= MAX_LEAVES;
            }
            (0..run.len())
                .step_by(size)
                .map(|a| {
                    let b = (a + size).min(run.len());
                    let first = &ds.events[run[a]];
                    Node {
                        id: NodeId {
                            lane: id.lane,
                            from: id.from + a,
                            to: id.from + b,
                            unit: Unit::Run,
                        },
                        label: format!(
                            "Events {} to {} of {}, from {}, {}",
                            group(a + 1),
                            group(b),
                            group(run.len()),
                            first.title,
                            first.date_label()
                        ),
                        event: None,
                    }
                })
                .collect()
        };
        let kids: Vec<Node> = match id.unit {
            Unit::Lane => split(Unit::Year, &|i| (date(i).year(), None, None)),
            Unit::Year if crowded => {
                split(Unit::Month, &|i| (date(i).year(), date(i).month(), None))
            }
            Unit::Month if crowded => split(Unit::Day, &|i| {
                (date(i).year(), date(i).month(), date(i).day())
            }),
            Unit::Day | Unit::Run if crowded => runs(),
            Unit::Event => Vec::new(),
            _ => leaves(),
        };
        // A level that tells nothing apart (one child holding all) is skipped.
        match kids.as_slice() {
            [only]
                if only.id.unit != Unit::Event
                    && (only.id.from, only.id.to) == (id.from, id.to) =>
            {
                self.children(ds, &only.id)
            }
            _ => kids,
        }
    }

    /// The path of nodes from a root down to the leaf of event `event` in
    /// lane `lane` (to open the tree where the chart's cursor is).
    pub fn path_to(&self, ds: &Dataset, lane: usize, event: usize) -> Vec<NodeId> {
        let mut path = Vec::new();
        let Some(mut node) = self.roots().into_iter().nth(lane) else {
            return path;
        };
        let Some(pos) = self.lanes[lane].1.binary_search(&event).ok() else {
            return path;
        };
        loop {
            path.push(node.id.clone());
            if node.id.unit == Unit::Event {
                return path;
            }
            match self
                .children(ds, &node.id)
                .into_iter()
                .find(|c| c.id.from <= pos && pos < c.id.to)
            {
                Some(c) => node = c,
                None => return path,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{load_json, BUILTIN_DATASET};

    #[test]
    fn lanes_then_years_then_events_on_the_built_in_data() {
        let ds = load_json(BUILTIN_DATASET).dataset;
        let shown: Vec<usize> = (0..ds.events.len()).collect();
        let o = Outline::new(&ds, &shown, Grouping::Kind);
        let roots = o.roots();
        assert_eq!(roots[0].label, "Attacks, 25 events");
        let years = o.children(&ds, &roots[0].id);
        assert!(years.iter().all(|y| y.id.unit == Unit::Year));
        assert_eq!(years.iter().map(|y| y.id.to - y.id.from).sum::<usize>(), 25);
        let leaves = o.children(&ds, &years[0].id);
        assert!(leaves.iter().all(|l| l.event.is_some()));
        let beslan = ds.position("beslan-2004").unwrap();
        let path = o.path_to(&ds, 0, beslan);
        assert_eq!(path.len(), 3, "lane, year, event: {path:?}");
        assert_eq!(path[1].unit, Unit::Year);
    }

    #[test]
    fn any_of_100000_events_is_a_few_levels_down_with_short_lists() {
        let ds = crate::load_json(&crate::synth::generate(100_000, 7)).dataset;
        let shown: Vec<usize> = (0..ds.events.len()).collect();
        let o = Outline::new(&ds, &shown, Grouping::Kind);
        // The worst case over a sample of events: levels and siblings to pass.
        let mut worst_keys = 0;
        for event in (0..ds.events.len()).step_by(997) {
            let lane = o
                .lanes
                .iter()
                .position(|(_, m)| m.binary_search(&event).is_ok())
                .unwrap();
            let path = o.path_to(&ds, lane, event);
            assert_eq!(path.last().unwrap().unit, Unit::Event);
            // Down to the node among its siblings, then Right to open it.
            let mut keys = lane + 1;
            for w in path.windows(2) {
                let kids = o.children(&ds, &w[0]);
                let at = kids.iter().position(|k| k.id == w[1]).unwrap();
                assert!(
                    kids.len() <= MAX_LEAVES || w[0].unit == Unit::Lane,
                    "{} children under {:?}",
                    kids.len(),
                    w[0]
                );
                keys += 1 + at;
            }
            worst_keys = worst_keys.max(keys);
        }
        println!("worst: {worst_keys} keys");
        assert!(worst_keys <= 80, "{worst_keys} keys at worst");
    }
}
