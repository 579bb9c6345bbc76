# statistics
statistics-title = Statistics
statistics-sales-objectives = Sales Objectives
statistics-crumb = Statistics › Sales Objectives
statistics-my-objectives = My objectives
statistics-objectives = Objectives
statistics-filter-period = Period
statistics-filter-date = Date
statistics-filter-team = Team
statistics-filter-user = User
statistics-all-teams = All teams
statistics-everyone = Everyone
statistics-show = Show
statistics-previous = ← Previous
statistics-next = Next →
# The period shown on the dashboard, from its first instant to the next period's, in the account's time zone.
statistics-bounds = { $start } 00:00 → { $end } 00:00 (the end excluded), { $zone } time
statistics-detail-bounds = { $period }: { $start } → { $end } (the end excluded).
statistics-no-target = { $kind ->
    [sales] No sales-based objective has a target for this period. Choose another period or type.
   *[activity] No activity-based objective has a target for this period. Choose another period or type.
}
statistics-set-objectives = Set objectives in Control Panel › Sales Objectives
statistics-nobody-holds = Nobody in this selection holds this objective.
statistics-export-csv = Export this table as CSV
statistics-export-csv-semicolon = as CSV with semicolons (for a spreadsheet in Italian)
statistics-column-user = User
statistics-column-achieved-target = Achieved / target
statistics-column-progress = Progress
statistics-column-standing = Standing
statistics-expected-by-now = Expected by now
statistics-gap = Gap
statistics-needed-per-day = Needed per remaining working day
statistics-deactivated = Deactivated
statistics-total = Total
# Shown where a figure does not apply (nothing more is needed).
statistics-not-applicable = —
statistics-chart-summary = { $count ->
    [one] { $count } period shown, target reached in { $reached }.
   *[other] { $count } periods shown, target reached in { $reached }.
}
statistics-chart-bar = { $period }: { $value }
statistics-chart-caption = { $from } → { $to }. Bars: achieved; line: target.
statistics-by-result = By result
statistics-by-pipeline = By pipeline
statistics-counted = What was counted
statistics-nothing-counted = Nothing counted in this period.
statistics-column-when = When
statistics-column-action-result = Action · result
statistics-column-pipeline = Pipeline
statistics-column-on = On
statistics-column-lead = Lead
statistics-column-amount = Amount
statistics-pages = Pages
statistics-newer = ← Newer
statistics-older = Older →
statistics-me-none = No objective is assigned to you yet. Your manager sets them; meanwhile, log your activities: they will count as soon as an objective does.
statistics-me-log-activity = Log an activity
statistics-me-intro = Current periods, in { $zone } time. The bars show the last periods against the target then in force.
statistics-recomputing-title = Figures being recomputed
statistics-recomputing-text = The account has a new time zone: every activity and won lead is being counted again in it. The figures come back here when it is done; this page reloads by itself.
statistics-recomputing-done = { $percent }% done
statistics-forecast = At this pace
statistics-column-change = Vs previous period
statistics-change = { $figure } · { $points } pp
statistics-alarms = { $behind } of { $count } behind, at risk or missed
statistics-partial = partial
statistics-partial-help = The period began before this person held the objective: pace counts from then.
statistics-own-target = own target
statistics-own-target-help = A target set for this person, in place of the objective's.
statistics-standings-help-title = How standings are judged
statistics-standings-help = Time counts in working time: the account's working days, without its holidays. What is expected by now grows steadily from the start of the period, or from when the person began to hold the objective if later (the period is then marked partial). No one is behind or at risk before a fifth of the period's working time has gone, nor while less than one unit was expected. While a period runs: Reached at the target; On track at or above the expected figure; Behind below it; At risk when, at this pace, the period would end under 70 % of its target. Once it has closed: Reached or Missed. Periods before someone held the objective are not judged.
statistics-chart-target = Target { $value }
statistics-chart-data = The figures as a table
statistics-column-period = Period
statistics-column-achieved = Achieved
statistics-column-target = Target
overview-tab = Overview
overview-title = Who is where
overview-intro = Every objective in its period containing { $date }. A cell opens its detail.
overview-none = No objective has a target for these periods yet.
overview-teams = Teams
overview-sort = Order
overview-sort-standing = Most urgent first
overview-sort-percent = Lowest percent first
overview-sort-name = Name
overview-leaderboard = Leaderboard
overview-leaderboard-note = Ranked by the mean percent of each person's own targets; the change compares with the previous periods.
overview-rank = Rank
overview-mean-percent = Mean percent
overview-rank-change = Change
overview-at-this-pace = at this pace
statistics-forecast-pipeline = { $percent } with the pipeline
statistics-my-teams = My teams
statistics-burn-up-summary = So far { $value } of { $target } this period.
statistics-burn-up-caption = This period so far: the line, what was achieved; dashed, a steady pace to the target.
statistics-filters = Filters
