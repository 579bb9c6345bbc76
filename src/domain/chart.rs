//! A bar chart of periods against their targets, computed here and drawn as SVG by a
//! template (no script, no inline style): a value axis, each bar's value, the target line
//! labelled, and one scale that several charts can share so that one target sits at one
//! height for everybody.

/// One bar: its box in the chart's coordinates and what it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// Where its value is written, above it.
    pub text_x: f64,
    pub text_y: f64,
    pub label: String,
    pub value: String,
    pub target: String,
    pub reached: bool,
}

/// A value on the axis, at height `y`.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub y: f64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub width: f64,
    pub height: f64,
    /// The plot's left edge (the axis) and its baseline.
    pub left: f64,
    pub bottom: f64,
    pub bars: Vec<Bar>,
    pub ticks: Vec<Tick>,
    /// SVG path data of the target line, one step per period (empty without targets).
    pub target_path: String,
    /// The last target, written at the line's right end.
    pub target_label: Option<Tick>,
    /// How many periods reached their target: the web layer words the summary that screen
    /// readers hear ("12 periods shown, target reached in 3.").
    pub reached: usize,
    /// Whether the bars are wide enough to carry their values (the data table always does).
    pub values_fit: bool,
}

/// A bar narrower than this does not carry its value.
const VALUE_ROOM: f64 = 40.0;

/// One period: its label, what was achieved, the target then in force.
pub struct Column {
    pub label: String,
    pub achieved: i64,
    pub target: Option<i64>,
}

/// Room for the axis's values on the left, the target's label on the right, the bars'
/// values on top.
const LEFT: f64 = 64.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 4.0;
const GAP: f64 = 4.0;

/// The highest value the columns reach, achieved or target: several charts take the
/// highest of theirs as their shared `top`.
pub fn highest(columns: &[Column]) -> i64 {
    columns.iter().map(|c| c.achieved.max(c.target.unwrap_or(0))).max().unwrap_or(0)
}

/// A round number at or above `value`: 1, 2, 2.5 or 5 times a power of ten.
pub fn nice_ceiling(value: i64) -> i64 {
    if value <= 1 {
        return 1;
    }
    let mut power: i64 = 1;
    while power.saturating_mul(10) < value {
        power = power.saturating_mul(10);
    }
    [1, 2, 5, 10]
        .iter()
        .map(|step| power.saturating_mul(*step))
        .chain((power >= 4).then(|| power / 2 * 5))
        .filter(|candidate| *candidate >= value)
        .min()
        .unwrap_or(value)
}

/// The chart of `columns` on a scale from 0 to `top` (rounded up to a round number),
/// values written by `show`.
pub fn bar_chart(columns: &[Column], (width, height): (f64, f64), top: i64, show: impl Fn(i64) -> String) -> BarChart {
    let top = nice_ceiling(top.max(highest(columns)));
    let (plot_width, plot_height) = (width - LEFT - RIGHT, height - TOP - BOTTOM);
    let bottom = height - BOTTOM;
    let slot = if columns.is_empty() { plot_width } else { plot_width / columns.len() as f64 };
    let y_of = |value: i64| bottom - plot_height * (value.max(0) as f64) / top as f64;
    let bars = columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let y = y_of(column.achieved);
            let x = LEFT + i as f64 * slot + GAP / 2.0;
            let bar_width = (slot - GAP).max(1.0);
            Bar {
                x,
                y,
                width: bar_width,
                height: bottom - y,
                text_x: x + bar_width / 2.0,
                text_y: y - 3.0,
                label: column.label.clone(),
                value: show(column.achieved),
                target: column.target.map(&show).unwrap_or_default(),
                reached: column.target.is_some_and(|t| column.achieved >= t),
            }
        })
        .collect();
    let ticks = [0, top / 2, top]
        .into_iter()
        .filter(|value| *value == 0 || *value == top || top % 2 == 0)
        .map(|value| Tick { y: y_of(value), label: show(value) })
        .collect();
    let mut target_path = String::new();
    let mut target_label = None;
    for (i, column) in columns.iter().enumerate() {
        if let Some(target) = column.target {
            let y = y_of(target);
            let (from, to) = (LEFT + i as f64 * slot, LEFT + (i + 1) as f64 * slot);
            let command = if target_path.is_empty() { "M" } else { "L" };
            target_path.push_str(&format!("{command}{from:.1} {y:.1} L{to:.1} {y:.1} "));
            target_label = Some(Tick { y, label: show(target) });
        }
    }
    let reached = columns.iter().filter(|c| c.target.is_some_and(|t| c.achieved >= t)).count();
    BarChart {
        width,
        height,
        left: LEFT,
        bottom,
        bars,
        ticks,
        target_path: target_path.trim_end().to_owned(),
        target_label,
        reached,
        values_fit: slot >= VALUE_ROOM,
    }
}

/// The current period's burn-up: what was achieved so far, step by step, against the
/// line a steady pace draws from where the holder started to the target at the period's end.
/// The x axis is the period's working time, 0 to 1.
#[derive(Debug, Clone, PartialEq)]
pub struct BurnUp {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub bottom: f64,
    /// SVG path data: achieved, and expected.
    pub achieved_path: String,
    pub expected_path: String,
    pub target_y: f64,
    pub target_label: String,
    pub ticks: Vec<Tick>,
    /// The last point: where the holder is now, and its value.
    pub now_x: f64,
    pub now_y: f64,
    pub now_label: String,
}

/// `points` are (share of the period's working time gone, cumulative achieved), ascending;
/// `from` the share at which the holder began to hold the objective.
pub fn burn_up(
    points: &[(f64, i64)],
    target: i64,
    from: f64,
    (width, height): (f64, f64),
    show: impl Fn(i64) -> String,
) -> BurnUp {
    let highest = points.iter().map(|(_, v)| *v).max().unwrap_or(0).max(target);
    let top = nice_ceiling(highest);
    let (plot_width, plot_height) = (width - LEFT - RIGHT, height - TOP - BOTTOM);
    let bottom = height - BOTTOM;
    let x_of = |share: f64| LEFT + plot_width * share.clamp(0.0, 1.0);
    let y_of = |value: i64| bottom - plot_height * (value.max(0) as f64) / top as f64;
    let mut achieved_path = format!("M{:.1} {bottom:.1}", x_of(0.0));
    let mut last = (0.0, 0);
    for (share, value) in points {
        // A step: the figure holds until the next point, then rises.
        achieved_path.push_str(&format!(
            " L{:.1} {:.1} L{:.1} {:.1}",
            x_of(*share),
            y_of(last.1),
            x_of(*share),
            y_of(*value)
        ));
        last = (*share, *value);
    }
    let expected_path = format!("M{:.1} {bottom:.1} L{:.1} {:.1}", x_of(from), x_of(1.0), y_of(target));
    let ticks = [0, top / 2, top]
        .into_iter()
        .filter(|value| *value == 0 || *value == top || top % 2 == 0)
        .map(|value| Tick { y: y_of(value), label: show(value) })
        .collect();
    BurnUp {
        width,
        height,
        left: LEFT,
        bottom,
        achieved_path,
        expected_path,
        target_y: y_of(target),
        target_label: show(target),
        ticks,
        now_x: x_of(last.0),
        now_y: y_of(last.1),
        now_label: show(last.1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(achieved: i64, target: Option<i64>) -> Column {
        Column { label: String::new(), achieved, target }
    }

    fn chart(columns: &[Column], top: i64) -> BarChart {
        bar_chart(columns, (172.0, 118.0), top, |v| v.to_string())
    }

    #[test]
    fn bars_scale_to_a_round_top_above_the_highest_value_or_target() {
        let chart = chart(&[column(5, Some(10)), column(10, Some(10))], 0);
        assert_eq!(chart.bars[0].height, 50.0);
        assert_eq!(chart.bars[1].height, 100.0);
        assert_eq!(chart.bars[1].y, TOP);
        assert!(!chart.bars[0].reached && chart.bars[1].reached);
        assert_eq!(chart.target_path, "M64.0 14.0 L114.0 14.0 L114.0 14.0 L164.0 14.0");
        assert_eq!(chart.target_label.map(|t| t.label), Some("10".into()));
        assert_eq!((chart.bars.len(), chart.reached), (2, 1));
        let labels: Vec<String> = chart.ticks.iter().map(|t| t.label.clone()).collect();
        assert_eq!(labels, ["0", "5", "10"]);
    }

    #[test]
    fn a_shared_top_puts_one_target_at_one_height_for_everybody() {
        let luca = chart(&[column(3, Some(10))], 40);
        let sara = chart(&[column(38, Some(10))], 40);
        assert_eq!(luca.target_path, sara.target_path);
        assert_eq!(luca.ticks, sara.ticks);
        assert_eq!(luca.ticks.last().map(|t| t.label.clone()), Some("50".into()), "40 rounds up to 50");
    }

    #[test]
    fn round_ceilings() {
        let cases =
            [(0, 1), (1, 1), (3, 5), (7, 10), (11, 20), (21, 25), (26, 50), (150_000, 200_000), (2_400_000, 2_500_000)];
        for (value, ceiling) in cases {
            assert_eq!(nice_ceiling(value), ceiling, "{value}");
        }
    }

    #[test]
    fn a_burn_up_steps_to_each_figure_and_expects_a_line_from_the_start_to_the_target() {
        let chart = burn_up(&[(0.5, 5), (1.0, 10)], 10, 0.0, (172.0, 118.0), |v| v.to_string());
        assert_eq!(chart.achieved_path, "M64.0 114.0 L114.0 114.0 L114.0 64.0 L164.0 64.0 L164.0 14.0");
        assert_eq!(chart.expected_path, "M64.0 114.0 L164.0 14.0");
        assert_eq!((chart.now_x, chart.now_y, chart.now_label.as_str()), (164.0, 14.0, "10"));
        let late = burn_up(&[(0.6, 1)], 10, 0.5, (172.0, 118.0), |v| v.to_string());
        assert!(late.expected_path.starts_with("M114.0 114.0"), "from when the holder began: {}", late.expected_path);
    }

    #[test]
    fn an_empty_history_draws_nothing_without_dividing_by_zero() {
        let chart = chart(&[column(0, None)], 0);
        assert_eq!(chart.bars[0].height, 0.0);
        assert!(chart.target_path.is_empty() && chart.target_label.is_none());
    }
}
