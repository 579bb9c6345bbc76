# recording: activities, leads, prospects.

## Shared words of the recording pages
recording-cancel = Cancel
recording-delete = Delete
recording-delete-named = Delete { $name }
recording-filter = Filter
recording-optional = (optional)
recording-actions-column = Actions
recording-crumb-new = New
recording-crumb-edit = Edit
recording-owner = Owner
recording-owner-me = Me
recording-pages = Pages

## Activities
recording-activities = Activities
recording-activity-log-title = Log an activity
recording-activity-log-crumb = Log
recording-activity-no-subject = An activity is done on a lead or a prospect, and you have neither yet.
recording-activity-subject = On
recording-activity-action = Action
recording-activity-choose-action = Choose an action…
recording-activity-show-results = Show its results
recording-activity-result = Result
recording-activity-result-none = Choose an action first
recording-activity-when = When
recording-activity-zone-time = ({ $zone } time)
recording-activity-note = Note
recording-activity-log-submit = Log activity
recording-activity-user = User
recording-activity-everyone = Everyone
recording-activities-no-more = No more activities.
recording-activities-empty = No activity logged yet. Log your calls, e-mails and meetings as you do them: your objectives count them.
recording-activities-newer = ← Newer
recording-activities-older = Older →
recording-activity-logged = Activity logged.

## Leads
recording-leads = Leads
recording-lead-new = New lead
recording-lead-edit = Edit lead
recording-lead-title = Title
recording-lead-pipeline = Pipeline
recording-lead-amount = Amount ({ $currency })
recording-lead-amount-column = Amount
recording-lead-amount-hint = (for example { $example })
recording-lead-status = Status
recording-lead-won-on = Won on
recording-lead-won-on-hint = (when won; empty means now, { $zone } time)
recording-lead-save = Save lead
recording-leads-empty = No lead yet. Create one, or convert a qualified prospect into a lead.
recording-lead-created = Lead created.
recording-lead-saved = Lead saved.
recording-lead-deleted = Lead deleted.

## Prospects
recording-prospects = Prospects
recording-prospect-new = New prospect
recording-prospect-edit = Edit prospect
recording-prospect-name = Name
recording-prospect-list-name = Prospecting list
recording-prospect-list-column = List
recording-prospect-lead-column = Lead
recording-prospect-save = Save prospect
recording-prospects-empty = No prospect yet. Add the contacts you are prospecting, then log calls and e-mails on them.
recording-prospect-converted = Converted
recording-prospect-convert-pipeline = Pipeline for { $name }
recording-prospect-convert = Convert to lead
recording-prospect-created = Prospect created.
recording-prospect-saved = Prospect saved.
recording-prospect-deleted = Prospect deleted.
recording-prospect-converted-into-lead = Prospect converted into a lead.
recording-lead-estimated-closing = Estimated closing date
recording-lead-forecast-hint = (while open: the revenue forecast counts it, weighed by its probability)
recording-lead-probability = Probability, %
recording-leads-export-csv = Export as CSV (the import's columns)
recording-lead-delete-title = Delete this lead?
recording-lead-delete-question = Deleting the lead “{ $title }” cannot be undone.
recording-lead-delete-won = It is won: deleting it removes { $amount } of revenue credited to { $name } on { $date } from every sales objective.
recording-lead-delete-activities = { $count ->
    [one] Its one activity is deleted with it and leaves every activity objective.
   *[other] Its { $count } activities are deleted with it and leave every activity objective.
}
recording-lead-delete-confirm = Delete the lead
recording-edit = Edit
recording-details = Details
recording-created = Created
recording-timeline = Timeline
recording-timeline-empty = Nothing yet: log the first activity.
recording-timeline-status = Status: { $status }
recording-timeline-won = Won for { $amount }
recording-timeline-import = Import
recording-activity-what = What was done
recording-activity-choose-result = Choose an action and its result…
recording-activity-no-action = The account has no action in use: an admin adds them in the Control Panel.
recording-lead-win-title = Won it?
recording-lead-win = Mark as won
recording-lead-won = Lead marked as won.
recording-lead-from-prospect = From prospect
recording-edit-named = Edit { $name }
recording-activity-delete-title = Delete this activity?
recording-activity-delete-effect = It stops counting in every sales objective that counts it. You can undo this for ten minutes.
recording-activity-delete-confirm = Delete the activity
recording-activity-deleted-undo = Activity deleted: it no longer counts in your objectives.
recording-undo = Undo
recording-activity-restored = Activity put back: it counts again.
recording-activity-subject-search = Find a lead or prospect
recording-activity-subject-find = Find
recording-activity-choose-subject = Choose a lead or prospect…
recording-activity-subject-none-found = Nothing matches this search
recording-activity-open-leads = Open leads
recording-activity-closed-leads = Closed leads
recording-prospect-delete-title = Delete this prospect?
recording-prospect-delete-question = Deleting the prospect “{ $name }” cannot be undone.
recording-prospect-delete-activities = { $count ->
    [one] The activity logged on it goes with it, and stops counting in every sales objective.
   *[other] The { $count } activities logged on it go with it, and stop counting in every sales objective.
}
recording-prospect-delete-confirm = Delete the prospect
