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
