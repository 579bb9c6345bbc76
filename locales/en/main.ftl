# Words of every page's frame.
skip-to-content = Skip to content
main-menu = Main menu
menu-button = Menu
sign-out = Sign out
menu-home = Home
menu-my-objectives = My objectives
menu-statistics = Statistics
menu-activities = Activities
menu-leads = Leads
menu-prospects = Prospects
menu-control-panel = Control Panel
menu-edition-licences = Edition & licences
# A name someone gave, the same in every language.
verbatim = { $text }
period-label-week = Week of { $date }
period-label-quarter = Q{ $quarter } { $year }
period-label-fiscal-quarter = FY{ $year } Q{ $quarter }
period-label-fiscal-year = FY{ $year }
product-name = Sales Objectives
confirm-keep = Keep it
quoted-name = “{ $name }”
objective-dates-between = Runs from { $first } to { $last }.
objective-dates-from = Runs from { $first }.
objective-dates-until = Runs until { $last }.
objective-dates-upcoming = Starts on { $first }.
objective-dates-ended = Ended on { $last }: its figures stay readable.
