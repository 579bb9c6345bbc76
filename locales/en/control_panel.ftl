# control_panel
# Control Panel: index, account settings, teams.
cp-title = Control Panel
cp-sales-process = Sales Process
cp-index-objectives-about = revenue and activity targets, and who holds them
cp-index-objectives-edition = — part of the Dream Team edition
cp-index-actions-about = the actions reps log and their results
cp-index-pipelines-about = where leads are worked
cp-index-import-about = historical activities and won leads from CSV
cp-account-settings = Account settings
cp-settings-account = Account
cp-settings-edition = Edition
cp-settings-time-zone = Time zone
cp-settings-week-start = Weeks start on
cp-settings-currency = Currency
cp-settings-language = Language
cp-weekday-monday = Monday
cp-weekday-tuesday = Tuesday
cp-weekday-wednesday = Wednesday
cp-weekday-thursday = Thursday
cp-weekday-friday = Friday
cp-weekday-saturday = Saturday
cp-weekday-sunday = Sunday
cp-teams = Teams
cp-teams-edition = Teams are part of the Dream Team edition. An admin can change the edition in Edition & licences.
cp-no-team = No team yet.
cp-no-members = No members yet.
cp-team-manager = Team manager

# Words shared by the pages.
cp-name = Name
cp-rename = Rename
cp-disable = Disable
cp-enable = Enable
cp-delete = Delete
cp-disabled-action = Disabled
cp-disabled-result = Disabled
cp-move-up = Move { $name } up
cp-move-down = Move { $name } down
cp-cancel = Cancel

# Actions.
cp-actions-title = Actions
cp-actions-intro = The actions reps log, each with its results. An action or result already used can be disabled, never deleted, so that past figures keep their meaning.
cp-action-name = Action name
cp-result-name = Result name
cp-results = Results
cp-new-result = New result
cp-add-result = Add result
cp-add-an-action = Add an action
cp-add-action = Add action
cp-actions-saved = Actions saved.

# Pipelines.
cp-pipelines-title = Pipelines
cp-pipeline-name = Pipeline name
cp-add-a-pipeline = Add a pipeline
cp-add-pipeline = Add pipeline
cp-pipelines-saved = Pipelines saved.

# Import.
cp-import-title = Import
cp-import-heading = Import history
cp-import-intro = An import is all or nothing: if any line is wrong, nothing is written and every bad line is listed.
cp-import-nothing-imported = Nothing was imported.
cp-import-correct-lines = Correct these lines and upload the file again:
cp-import-done-activities = Imported { $lines } activities lines.
cp-import-done-activities-created = Imported { $lines } activities lines, creating { $leads } leads and { $prospects } prospects.
cp-import-done-leads = Imported { $lines } leads lines.
cp-import-done-leads-created = Imported { $lines } leads lines, creating { $leads } leads and { $prospects } prospects.
cp-import-activities = Activities
cp-import-leads = Leads
# $header, $column and $format are CSV words shown as code: keep them as they are.
cp-import-header = Header: { $header }.
cp-import-activities-subject = { $column } is lead or prospect; a missing lead or prospect is created for its user.
cp-import-activities-occurred-at = { $column } is RFC 3339 with an offset, or { $format } in the account's time zone.
cp-import-leads-won = A won lead needs an amount and { $column }; an empty currency means the account's, another currency is refused.
cp-import-csv-file = CSV file
cp-import-activities-button = Import activities
cp-import-leads-button = Import leads
cp-import-upload-unreadable = The upload could not be read: { $error }
cp-import-choose-file = Choose a CSV file to import.
cp-import-too-large = The file is larger than 64 MiB: import it from the command line.

# Sales Objectives: the list.
cp-objectives-title = Sales Objectives
cp-new-objective = New objective
cp-objectives-tabs = Objectives
cp-objectives-active = Active
cp-objectives-archived = Archived
cp-objectives-none-archived = No archived objective.
cp-objectives-none-yet = No objective yet. Create one — for instance 10 calls reached a day, or 50,000 of revenue a year — then assign it to your reps.
cp-objective = Objective
cp-kind = Kind
cp-counts = Counts
cp-targets = Targets
cp-assignees = Assignees
# A target in force, as the list shows it: "Day: 10".
cp-period-target = { $period }: { $target }
# What an activity objective counts: "Call: Reached — Prospects and leads".
cp-counts-activity = { $action }: { $results } — { $context }
cp-all-results = all results
cp-all-pipelines = All pipelines

# Sales Objectives: the editor.
cp-edit-objective = Edit objective
cp-crumb-edit = Edit
cp-crumb-new = New
cp-show-fields = Show its fields
cp-action = Action
cp-choose-action = Choose an action…
cp-show-results = Show its results
cp-results-that-count = Results that count
cp-choose-action-first = Choose an action to see its results.
cp-select-all-results = Select all results (the whole action, results added later included)
cp-done-on = Done on
cp-measure = Measure
cp-revenue-in = Revenue ({ $currency })
cp-pipeline = Pipeline
cp-period-targets = Period targets
cp-period-targets-note = (one or two; a change applies from the current period on)
cp-targets-hint = A number of times, such as 10; for revenue, an amount such as 1,250.50.
cp-period = Period
cp-second-period = Second period
cp-optional = (optional)
cp-no-period = None
cp-target = Target
cp-save-objective = Save objective
cp-objective-created = Objective created: now assign it.
cp-objective-saved = Objective saved.

# Sales Objectives: an objective's page.
cp-archived-badge = Archived
cp-edit = Edit
cp-archive = Archive
cp-restore = Restore
cp-what-it-counts = What it counts
cp-target-history = Target history
cp-target-history-about = A target applies from the start of the period in which it was set; closed periods keep the target in force then, and periods before the first target use the first.
cp-from = From
cp-from-the-start = the start
cp-set-on = Set on
cp-assigned-to = Assigned to
cp-too-many-objectives = Too many objectives demotivate.
cp-holder-holds = { $count ->
    [one] { $name } holds 1 objective.
   *[other] { $name } holds { $count } objectives.
}
cp-nobody-holds = Nobody holds this objective yet: pick users or a whole team below.
cp-deactivated = Deactivated
cp-objective-count = { $count ->
    [one] 1 objective
   *[other] { $count } objectives
}
cp-remove = Remove
cp-remove-holder = Remove { $name }
cp-assign-to-users = Assign to users
cp-already-assigned = (already assigned)
cp-assign = Assign
cp-assign-to-team = Assign to a whole team
cp-assign-to-the-team = Assign to the team
cp-assigned-to-users = { $count ->
    [one] Assigned to 1 user.
   *[other] Assigned to { $count } users.
}
cp-assignment-removed = Assignment removed.
cp-objective-archived = Objective archived: it is out of the statistics until restored.
cp-objective-restored = Objective restored.
cp-settings-title = Account settings
cp-index-settings-about = name, language, currency, time zone, fiscal year, working days and holidays
cp-settings-fiscal-year-start = Fiscal year starts in
cp-settings-fiscal-year-note = Quarters and years of every objective follow it; from another month than January they are named by fiscal year (FY2027 Q1).
cp-settings-working-days = Working days
cp-settings-working-days-note = Pace counts working days only: "expected by now" and "needed per remaining working day" leave out the other days and the holidays.
cp-settings-currency-note = It can change while no amount is recorded: amounts are never converted.
cp-settings-currency-fixed = Amounts are recorded in { $currency }: the currency can no longer change (amounts are never converted).
cp-settings-time-zone-note = An IANA name such as Europe/Rome. A new zone recomputes every figure as if the account had always had it.
cp-settings-saved = Settings saved.
cp-settings-saved-rebuilding = Settings saved. The figures are being recomputed in the new time zone.
cp-rebuild-title = Figures being recomputed
cp-rebuild-running = Every activity and won lead is being counted again in { $zone }.
cp-rebuild-meanwhile = Statistics come back when it is done; the team can keep logging meanwhile.
cp-rebuild-refresh = Refresh
cp-rebuild-done = Every figure is now counted in { $zone }.
cp-holidays = Holidays
cp-holidays-note = Days nobody is expected to work: pace does not count them.
cp-holidays-none = No holiday yet.
cp-holiday-date = Date
cp-holiday-name = Name
cp-holiday-remove = Remove
cp-holiday-add = Add a holiday
cp-holiday-add-button = Add holiday
cp-holidays-import = Import holidays from a CSV file
cp-holiday-saved = Holiday saved.
cp-holiday-removed = Holiday removed.
cp-import-holidays = Holidays
cp-import-holidays-date = Dates are { $format }; a date already listed takes the new name.
cp-import-holidays-button = Import holidays
cp-import-done-holidays = Imported { $lines } holidays.
cp-settings-change = Change the settings
cp-settings-account-and-calendar = The account and its calendar
cp-settings-reps-see-leaderboard = Reps may see the leaderboard
cp-settings-reps-see-leaderboard-note = They then see colleagues' names and ranks on My objectives, never their amounts or percentages.
cp-assign-include-managers = Its managers too (by default only its reps)
cp-archive-title = Archive this objective?
cp-archive-question = { $count ->
    [one] Archiving “{ $name }” takes it off the dashboard, My objectives and the export for its holder. Its settings and figures are kept: restore it to show it again.
   *[other] Archiving “{ $name }” takes it off the dashboard, My objectives and the export for its { $count } holders. Its settings and figures are kept: restore it to show it again.
}
cp-remove-holder-title = Remove this holder?
cp-remove-holder-question = { $name } no longer holds “{ $objective }”: their figures leave it on the dashboard, its detail, the export and their My objectives, in every period. Their work stays recorded; assigning them again brings it back.
cp-holder-targets-title = { $name }'s targets
cp-holder-targets-about = A target of this person's own replaces the objective's for them, on the dashboard, the detail, My objectives and the CSV. A change applies from the start of the current period; closed periods keep the target they had. Leave a field empty to follow the objective's target.
cp-holder-target-label = { $period ->
        [day] Daily
        [week] Weekly
        [month] Monthly
        [quarter] Quarterly
       *[year] Yearly
    } target, from { $date }
cp-holder-objectives-target = The objective's: { $target }
cp-holder-targets-save = Save targets
cp-holder-target-history = Their target history
cp-holder-follows-objective = the objective's
cp-holder-targets-saved = { $count ->
    [0] Nothing changed: these targets were in force already.
    [one] Target saved: it applies from the start of the current period.
   *[other] Targets saved: they apply from the start of the current period.
}
cp-holder-own-targets = Own target: { $targets }
cp-holder-set-targets = Targets
cp-holder-set-targets-label = { $name }'s targets
cp-objectives-ended = Ended
cp-objectives-none-ended = No objective has ended: those whose last day has gone are listed here, their figures still readable.
cp-objective-dates = Dates
cp-objective-dates-hint = For a campaign or a quarter's push: nothing counts before the first day or after the last (both included). Leave empty for an objective that runs on.
cp-starts-on = First day
cp-ends-on = Last day
cp-objective-results = Results
plan-open = Plan targets
plan-title = Targets: { $name }
plan-about = Each holder's target for each period of the fiscal year. A cell holds the holder's own target for that period alone; empty, they follow the objective's (shown faintly). Running and future periods can be changed; closed periods keep the target they had.
plan-daily-only = This objective has daily targets only: set them on the objective or per holder.
plan-kinds = Period
plan-caption = Own targets in the cells; the objective's where a cell is empty.
plan-holder = Holder
plan-objectives-target = Objective's target
plan-save = Save the grid
plan-save-hint = With JavaScript each cell saves as soon as you leave it.
plan-saved = { $count ->
    [0] Nothing changed.
    [one] One target saved.
   *[other] { $count } targets saved.
}
plan-imported = { $count ->
    [0] Imported: nothing changed.
    [one] Imported: one target changed.
   *[other] Imported: { $count } targets changed.
}
plan-import-refused = Nothing was imported:
plan-import-cell = Line { $line }, column { $column }: { $reason }
plan-fill-title = Fill from a yearly figure
plan-fill-who = For
plan-fill-everyone = Every holder
plan-fill-total = Yearly figure
plan-fill-spread = Spread
plan-spread-evenly = Evenly
plan-spread-working-days = By working days
plan-spread-seasonality = By the seasonality profile
plan-fill = Fill the open periods
plan-seasonality-title = Seasonality profile
plan-seasonality-about = Twelve monthly weights for the whole account: a month's share of a year is its weight over the twelve's sum (8, 8, 10… or percentages).
plan-seasonality-save = Save the profile
plan-seasonality-saved = Seasonality profile saved.
plan-file-title = The grid as a file
plan-file-about = A line per holder (user_email, user_name), a column per period start (YYYY-MM-DD); a cell holds an own target (1250.50, 10) or nothing for the objective's. Importing is all or nothing.
plan-export = Download CSV
plan-import-file = CSV file
plan-import = Import the grid
cp-team-holders = Held by teams
cp-team-holders-about = A team holds an objective against a target of its own: its figure is what its members did while they were in it. When the own targets of its members who hold the objective do not add up to the team's, the dashboard says so.
cp-no-team-holds = No team holds this objective.
cp-team-to-hold = Team
cp-team-target-label = { $period ->
        [day] Daily
        [week] Weekly
        [month] Monthly
        [quarter] Quarterly
       *[year] Yearly
    } team target
cp-give-to-team = Give to the team
cp-team-assigned = The team holds the objective.
cp-team-removed = The team no longer holds the objective.
cp-team-targets-title = { $name }'s targets
cp-team-targets-about = The team's own targets. A change applies from the start of the current period; closed periods keep the target they had.
cp-remove-team-title = Take the objective back from this team?
cp-remove-team-question = { $team } will no longer hold «{ $objective }», and its team targets go. Its members' figures stay.
cp-index-api-about = tokens for other programs to feed and read your objectives
cp-api-title = API tokens
cp-api-intro = A token lets another program (your CRM, a script, a dashboard) use the JSON API as this account, within the scopes you tick. It stops working when it is revoked or when the admin who made it is no longer an admin.
cp-api-docs = Read the API documentation
cp-api-made = Token «{ $name }» made
cp-api-copy-now = Copy the secret now: it is shown this once and never again. Keep it like a password.
cp-api-secret = Secret
cp-api-copy-secret = Copy secret
cp-api-none = No token yet.
cp-api-name = Name
cp-api-starts-with = Starts with
cp-api-scopes = Scopes
cp-api-made-by = Made by
cp-api-last-used = Last used
cp-api-state = State
cp-api-never-used = never
cp-api-revoked-on = revoked { $date }
cp-api-revoke = Revoke
cp-api-revoke-title = Revoke this token?
cp-api-revoke-question = Programs using «{ $name }» are refused from their next request on. This cannot be undone: make a new token to connect them again.
cp-api-revoked = The token is revoked.
cp-api-new = New token
cp-api-make = Make token
cp-api-scope-activities-write = log, correct and delete activities
cp-api-scope-leads-write = create and change leads and prospects
cp-api-scope-objectives-read = read objectives and their targets
cp-api-scope-objectives-write = create and change objectives, their targets and holders
cp-api-scope-results-read = read results, pace and standings
cp-api-scope-users-read = read the account's users and teams
