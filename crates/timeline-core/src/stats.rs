//! Statistics of the shown events, for the linked charts: events per year by
//! kind, casualties per year, events per country.

use crate::model::{Dataset, Kind};

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct YearRow {
    pub year: i32,
    /// Events starting that year, by kind (index = `Kind::index`).
    pub by_kind: Vec<usize>,
    /// Killed and wounded that year: `None` where no event of the year
    /// states the figure (not 0: the source is silent, not "nobody").
    pub killed: Option<u64>,
    pub wounded: Option<u64>,
}

/// Adds a stated figure to a sum of stated figures (`None`: none stated yet).
pub fn add_stated(sum: &mut Option<u64>, v: Option<u64>) {
    if let Some(v) = v {
        *sum = Some(sum.unwrap_or(0) + v);
    }
}

impl YearRow {
    pub fn total(&self) -> usize {
        self.by_kind.iter().sum()
    }
}

/// The most years listed with their gaps.
pub const MAX_YEAR_ROWS: usize = 200;

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Stats {
    /// Every year from the first to the last shown event, gaps included (up to
    /// [`MAX_YEAR_ROWS`] years; over a longer span only the years with events).
    pub years: Vec<YearRow>,
    /// (code, name, events naming it), most first; organisation-wide events
    /// that name no country are counted under `organisation_wide`.
    pub countries: Vec<(String, String, usize)>,
    pub organisation_wide: usize,
    /// The dataset's categories, indexed like `YearRow::by_kind`.
    pub categories: Vec<crate::model::Category>,
}

impl Stats {
    pub fn compute(ds: &Dataset, shown: &[usize]) -> Stats {
        let (Some(&a), Some(&z)) = (shown.first(), shown.last()) else {
            return Stats::default();
        };
        // A filter's result is in the dataset's order, by first day: its
        // first and last events have the first and last years (else a pass).
        let year = |i: usize| ds.brief(i).year;
        let (first, last) = if shown.windows(2).all(|w| w[0] <= w[1]) {
            (year(a), year(z))
        } else {
            let years = || shown.iter().map(|&i| year(i));
            (years().min().unwrap_or(0), years().max().unwrap_or(0))
        };
        let nk = ds.meta.categories.len();
        // Per year and kind, one flat table (a row's own list is a pointer more an event).
        let mut by_year_kind = vec![0usize; (last - first + 1) as usize * nk];
        let mut casualties = vec![(None, None); (last - first + 1) as usize];
        let mut per_country = vec![0usize; ds.meta.countries.len()];
        let mut organisation_wide = 0;
        let columns = ds.columns();
        let combos = columns.map(|c| c.2);
        // Per set of countries (crate::brief::Combos): counted per country after the pass.
        let mut per_set = vec![0usize; combos.map_or(0, |c| c.bits.len())];
        for &i in shown {
            // The brief, not the event: a cache miss each at 1,000,000 events (crate::brief).
            let b = columns.map_or_else(|| ds.brief(i), |c| c.0[i]);
            let y = (b.year - first) as usize;
            if b.kind.index() < nk {
                by_year_kind[y * nk + b.kind.index()] += 1;
            }
            if let Some(c) = b
                .casualties
                .then(|| ds.events[i].casualties.as_ref())
                .flatten()
            {
                add_stated(&mut casualties[y].0, c.killed);
                add_stated(&mut casualties[y].1, c.wounded);
            }
            if b.no_country && b.organisation {
                organisation_wide += 1;
            }
            match combos {
                Some(c) => per_set[c.of[i] as usize] += 1,
                None => ds
                    .country_ids(i)
                    .iter()
                    .for_each(|&k| per_country[k as usize] += 1),
            }
        }
        let years: Vec<YearRow> = (first..=last)
            .zip(casualties)
            .enumerate()
            .map(|(y, (year, (killed, wounded)))| YearRow {
                year,
                by_kind: by_year_kind[y * nk..(y + 1) * nk].to_vec(),
                killed,
                wounded,
            })
            .collect();
        if let Some(c) = combos {
            for (&bits, &n) in c.bits.iter().zip(&per_set) {
                crate::brief::each_bit(bits, |k| per_country[k] += n);
            }
        }
        Stats::assemble(ds, years, per_country, organisation_wide)
    }

    /// The statistics of the events `sel` shows, summed per class and year
    /// (`crate::brief::ClassYears`): the cost of the classes, not of the
    /// events. `None` where the dataset has no such table; equal to
    /// [`Stats::compute`] over [`crate::Filter::apply`]'s result.
    pub fn of_selection(ds: &Dataset, sel: &crate::filter::Selection) -> Option<Stats> {
        let (table, classes, combos) = (ds.class_years()?, ds.classes()?, ds.columns()?.2);
        if sel.shows.len() != classes.class.len() {
            return None;
        }
        let (nk, ny) = (ds.meta.categories.len(), table.years);
        let mut by_year_kind = vec![0usize; ny * nk];
        let mut casualties = vec![(None, None); ny];
        let mut per_set = vec![0usize; combos.bits.len()];
        let (mut organisation_wide, mut lo, mut hi) = (0, usize::MAX, 0);
        let shown = classes
            .class
            .iter()
            .enumerate()
            .filter(|(c, _)| sel.shows[*c]);
        for (c, class) in shown {
            let at = c * ny;
            for y in 0..ny {
                let n = table.events[at + y] as usize;
                if n > 0 && class.kind < nk {
                    by_year_kind[y * nk + class.kind] += n;
                    (lo, hi) = (lo.min(y), hi.max(y));
                }
                add_stated(&mut casualties[y].0, table.killed[at + y]);
                add_stated(&mut casualties[y].1, table.wounded[at + y]);
            }
            per_set[class.set as usize] += class.events;
            if class.organisation {
                organisation_wide += table.no_country[c] as usize;
            }
        }
        if lo == usize::MAX {
            return Some(Stats::default());
        }
        let years: Vec<YearRow> = (lo..=hi)
            .map(|y| YearRow {
                year: table.first + y as i32,
                by_kind: by_year_kind[y * nk..(y + 1) * nk].to_vec(),
                killed: casualties[y].0,
                wounded: casualties[y].1,
            })
            .collect();
        let mut per_country = vec![0usize; ds.meta.countries.len()];
        for (&bits, &n) in combos.bits.iter().zip(&per_set) {
            crate::brief::each_bit(bits, |k| per_country[k] += n);
        }
        Some(Stats::assemble(ds, years, per_country, organisation_wide))
    }

    /// The statistics from their counts: the years (the empty ones left out
    /// over a long span: imported data reaching over millennia — the rows,
    /// and what is drawn from them, grow with the data, not the span), and
    /// the states named, most first.
    fn assemble(
        ds: &Dataset,
        mut years: Vec<YearRow>,
        per_country: Vec<usize>,
        organisation_wide: usize,
    ) -> Stats {
        if years.len() > MAX_YEAR_ROWS {
            years.retain(|r| r.total() > 0);
        }
        let mut countries: Vec<(String, String, usize)> = ds
            .meta
            .countries
            .iter()
            .zip(per_country)
            .filter(|(_, n)| *n > 0)
            .map(|(c, n)| (c.code.clone(), c.name.clone(), n))
            .collect();
        crate::order::sort_by(&mut countries, |a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
        Stats {
            years,
            countries,
            organisation_wide,
            categories: ds.meta.categories.clone(),
        }
    }

    pub fn max_year_total(&self) -> usize {
        self.years.iter().map(YearRow::total).max().unwrap_or(0)
    }

    pub fn max_casualties(&self) -> u64 {
        self.years
            .iter()
            .map(|y| y.killed.unwrap_or(0).max(y.wounded.unwrap_or(0)))
            .max()
            .unwrap_or(0)
    }

    /// Whether some event shown states a killed or wounded figure (0 included).
    pub fn states_casualties(&self) -> bool {
        self.years
            .iter()
            .any(|y| y.killed.is_some() || y.wounded.is_some())
    }

    pub fn count(&self, kind: Kind) -> usize {
        self.years
            .iter()
            .map(|y| y.by_kind.get(kind.index()).copied().unwrap_or(0))
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{load_json, Filter, BUILTIN_DATASET};

    #[test]
    fn per_year_by_kind_and_casualties_match_the_data() {
        let ds = load_json(BUILTIN_DATASET).dataset;
        let all: Vec<usize> = (0..ds.events.len()).collect();
        let s = Stats::compute(&ds, &all);
        assert_eq!(s.years.first().unwrap().year, 2001);
        assert_eq!(s.years.last().unwrap().year, 2012);
        assert_eq!(s.years.iter().map(YearRow::total).sum::<usize>(), 65);
        let k = |id: &str| ds.kind_of(id).unwrap();
        assert_eq!(s.count(k("incident")), 25);
        let y2004 = &s.years[3];
        assert_eq!(y2004.year, 2004);
        // 2004: metro 50+130, Tashkent 10, Chechnya 7+53, Ingushetia 90, Beslan 300.
        assert_eq!((y2004.killed, y2004.wounded), (Some(457), Some(183)));
        assert_eq!(y2004.by_kind[k("incident").index()], 6);
        // A figure no event of the year states is not 0: 2001 states none,
        // 2002 the killed of one attack and no wounded.
        assert_eq!((s.years[0].killed, s.years[0].wounded), (None, None));
        assert!(s.years[1].killed.is_some() && s.years[1].wounded.is_none());
        assert!(s.states_casualties());
        assert_eq!(s.countries[0].0, "RU");
    }

    /// The statistics counted event by event from the events themselves.
    fn reference(ds: &crate::Dataset, shown: &[usize]) -> Stats {
        let Some(first) = shown.iter().map(|&i| ds.events[i].date.year()).min() else {
            return Stats::default();
        };
        let last = shown
            .iter()
            .map(|&i| ds.events[i].date.year())
            .max()
            .unwrap();
        let mut years: Vec<YearRow> = (first..=last)
            .map(|year| YearRow {
                year,
                by_kind: vec![0; ds.meta.categories.len()],
                ..YearRow::default()
            })
            .collect();
        let mut named = vec![0usize; ds.meta.countries.len()];
        let mut organisation_wide = 0;
        for &i in shown {
            let e = &ds.events[i];
            let row = &mut years[(e.date.year() - first) as usize];
            row.by_kind[e.kind.index()] += 1;
            if let Some(c) = &e.casualties {
                add_stated(&mut row.killed, c.killed);
                add_stated(&mut row.wounded, c.wounded);
            }
            if e.countries.is_empty() && e.scope == crate::model::Scope::Organisation {
                organisation_wide += 1;
            }
            for (k, c) in ds.meta.countries.iter().enumerate() {
                named[k] += usize::from(e.countries.contains(&c.code));
            }
        }
        Stats::assemble(ds, years, named, organisation_wide)
    }

    /// Every chip's and kind's result, all, every 5th, one, and a list out
    /// of order: as counted event by event.
    #[test]
    fn equal_the_count_event_by_event() {
        for ds in [
            load_json(&crate::synth::generate(5000, 12)).dataset,
            load_json(BUILTIN_DATASET).dataset,
        ] {
            let n = ds.events.len();
            let mut lists: Vec<Vec<usize>> = vec![(0..n).collect(), (0..n).step_by(5).collect()];
            lists.push(vec![n / 2]);
            lists.push((0..n).rev().step_by(3).collect());
            for c in &ds.meta.countries {
                let f = Filter {
                    countries: Some([c.code.clone()].into()),
                    ..Filter::default()
                };
                lists.push(f.apply(&ds));
            }
            for k in &ds.meta.categories {
                let f = Filter {
                    kinds: Some([k.id.clone()].into()),
                    ..Filter::default()
                };
                lists.push(f.apply(&ds));
            }
            for shown in lists {
                assert_eq!(Stats::compute(&ds, &shown), reference(&ds, &shown));
            }
        }
    }

    #[test]
    fn follows_the_filter_and_keeps_gap_years() {
        let ds = load_json(BUILTIN_DATASET).dataset;
        let f = Filter {
            countries: Some(["UZ".to_string()].into()),
            kinds: Some(["incident".to_string()].into()),
            ..Filter::default()
        };
        let s = Stats::compute(&ds, &f.apply(&ds));
        let years: Vec<(i32, usize)> = s.years.iter().map(|y| (y.year, y.total())).collect();
        assert_eq!(years, [(2004, 1), (2005, 1)]);
        assert_eq!(Stats::compute(&ds, &[]), Stats::default());
    }
}
