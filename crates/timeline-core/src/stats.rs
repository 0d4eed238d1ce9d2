//! Statistics of the shown events, for the linked charts: events per year by
//! kind, casualties per year, events per country.

use crate::model::{Dataset, Kind};

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct YearRow {
    pub year: i32,
    /// Events starting that year, by kind (index = `Kind::index`).
    pub by_kind: Vec<usize>,
    pub killed: u64,
    pub wounded: u64,
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
        let Some(first) = shown.iter().map(|&i| ds.brief(i).year).min() else {
            return Stats::default();
        };
        let last = shown
            .iter()
            .map(|&i| ds.brief(i).year)
            .max()
            .unwrap_or(first);
        let mut years: Vec<YearRow> = (first..=last)
            .map(|year| YearRow {
                year,
                by_kind: vec![0; ds.meta.categories.len()],
                ..YearRow::default()
            })
            .collect();
        let mut per_country = vec![0usize; ds.meta.countries.len()];
        let mut organisation_wide = 0;
        let combos = ds.columns().map(|c| c.2);
        // Per set of countries (crate::brief::Combos): counted per country after the pass.
        let mut per_set = vec![0usize; combos.map_or(0, |c| c.bits.len())];
        for &i in shown {
            // The brief, not the event: a cache miss each at 1,000,000 events (crate::brief).
            let b = ds.brief(i);
            let row = &mut years[(b.year - first) as usize];
            if let Some(n) = row.by_kind.get_mut(b.kind.index()) {
                *n += 1;
            }
            if let Some(c) = b
                .casualties
                .then(|| ds.events[i].casualties.as_ref())
                .flatten()
            {
                row.killed += c.killed.unwrap_or(0);
                row.wounded += c.wounded.unwrap_or(0);
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
        if let Some(c) = combos {
            for (&bits, &n) in c.bits.iter().zip(&per_set) {
                crate::brief::each_bit(bits, |k| per_country[k] += n);
            }
        }
        // Over a long span (imported data reaching over millennia) the empty years
        // are left out: the rows, and what is drawn from them, grow with the data, not the span.
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
            .map(|y| y.killed.max(y.wounded))
            .max()
            .unwrap_or(0)
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
        assert_eq!((y2004.killed, y2004.wounded), (457, 183));
        assert_eq!(y2004.by_kind[k("incident").index()], 6);
        assert_eq!(s.countries[0].0, "RU");
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
