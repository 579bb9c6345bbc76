//! A small bar chart of periods against their targets, computed here and drawn as SVG by
//! a template (no script, no inline style).

/// One bar: its box in the chart's coordinates and what it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub label: String,
    pub value: String,
    pub reached: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub width: f64,
    pub height: f64,
    pub bars: Vec<Bar>,
    /// SVG path data of the target line, one step per period (empty without targets).
    pub target_path: String,
    /// How many periods reached their target: the web layer words the summary that screen
    /// readers hear ("12 periods shown, target reached in 3.").
    pub reached: usize,
}

/// One period: its label, what was achieved, the target then in force.
pub struct Column {
    pub label: String,
    pub achieved: i64,
    pub target: Option<i64>,
    pub shown: String,
}

const PLOT_TOP: f64 = 4.0;
const GAP: f64 = 4.0;

pub fn bar_chart(columns: &[Column], width: f64, height: f64) -> BarChart {
    let top = columns.iter().map(|c| c.achieved.max(c.target.unwrap_or(0))).max().unwrap_or(0).max(1) as f64;
    let plot = height - PLOT_TOP;
    let slot = if columns.is_empty() { width } else { width / columns.len() as f64 };
    let scale = |value: i64| plot * (value.max(0) as f64) / top;
    let bars = columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let bar_height = scale(column.achieved);
            Bar {
                x: i as f64 * slot + GAP / 2.0,
                y: height - bar_height,
                width: (slot - GAP).max(1.0),
                height: bar_height,
                label: column.label.clone(),
                value: column.shown.clone(),
                reached: column.target.is_some_and(|t| column.achieved >= t),
            }
        })
        .collect();
    let mut target_path = String::new();
    for (i, column) in columns.iter().enumerate() {
        if let Some(target) = column.target {
            let y = height - scale(target);
            let (from, to) = (i as f64 * slot, (i + 1) as f64 * slot);
            let command = if target_path.is_empty() { "M" } else { "L" };
            target_path.push_str(&format!("{command}{from:.1} {y:.1} L{to:.1} {y:.1} "));
        }
    }
    let reached = columns.iter().filter(|c| c.target.is_some_and(|t| c.achieved >= t)).count();
    BarChart { width, height, bars, target_path: target_path.trim_end().to_owned(), reached }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(achieved: i64, target: Option<i64>) -> Column {
        Column { label: String::new(), achieved, target, shown: achieved.to_string() }
    }

    #[test]
    fn bars_scale_to_the_highest_value_or_target() {
        let chart = bar_chart(&[column(5, Some(10)), column(10, Some(10))], 100.0, 104.0);
        assert_eq!(chart.bars[0].height, 50.0);
        assert_eq!(chart.bars[1].height, 100.0);
        assert_eq!(chart.bars[1].y, 4.0);
        assert!(!chart.bars[0].reached && chart.bars[1].reached);
        assert_eq!(chart.target_path, "M0.0 4.0 L50.0 4.0 L50.0 4.0 L100.0 4.0");
        assert_eq!((chart.bars.len(), chart.reached), (2, 1));
    }

    #[test]
    fn an_empty_history_draws_nothing_without_dividing_by_zero() {
        let chart = bar_chart(&[column(0, None)], 100.0, 50.0);
        assert_eq!(chart.bars[0].height, 0.0);
        assert!(chart.target_path.is_empty());
    }
}
