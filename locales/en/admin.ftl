# admin
# Sign-in, set-password link, error pages, home, my account, edition & licences.

## Sign-in
login-title = Sign in
login-intro = Set objectives, log your work, see how far you are from each target.
login-email = E-mail
login-password = Password
login-submit = Sign in
login-language = Language
login-refused = Wrong e-mail or password.
login-choose-title = Choose an account
login-choose-intro = Your e-mail and password open more than one account. Which one do you want to use?
login-throttled = { $minutes ->
    [one] Too many failed sign-in attempts from here. For your security, try again in { $minutes } minute.
   *[other] Too many failed sign-in attempts from here. For your security, try again in { $minutes } minutes.
}

## Set-password link
password-link-title = Set your password
password-link-new = New password
password-link-submit = Set password
password-link-expired = This link has expired or was already used: ask an admin of your account for a new one.
password-hint-length = (at least 8 characters)

## Error pages
error-home-link = Go to the home page
error-refused-title = This cannot be done
error-csrf-title = This form has expired
error-csrf-message = For your security the form could not be accepted. Go back, reload the page and try again.
error-edition-title = Sales Objectives need the Dream Team edition
error-edition-message = This account's edition does not include Sales Objectives. Nothing has been deleted: once an admin upgrades the account to Dream Team in Edition & licences, every objective and figure is back.
error-forbidden-title = Access denied
error-forbidden-message = Your role does not give access to this page.
error-not-found-title = Page not found
error-not-found-message = There is nothing at this address, or it is not in your account.
error-method-title = Not allowed
error-method-message = This address does not accept that kind of request.
error-too-large-title = Too large
error-too-large-message = What you sent is too large.
error-bad-request-title = Bad request
error-bad-request-message = The request could not be understood. Check what you entered and try again.
error-internal-title = Something went wrong
error-busy-title = The account is busy
error-internal-message = An unexpected error happened on our side. Please try again in a moment.

## Home
home-welcome = Welcome, { $name }
home-you = You
home-role = Role
home-teams = Teams
home-no-team = In no team yet
home-your-account = Your account
home-edition = Edition
home-time-zone = Time zone
home-week-start = Weeks start on
home-currency = Currency
home-periods-note = Every period (day, week, month, quarter, year) is counted in this time zone.

## My account
my-account-title = My account
my-account-name = Name
my-account-language = Language
my-account-language-default = Account's language ({ $language })
my-account-change-password = Change password
my-account-change-password-hint = (optional; your other sessions end)
my-account-current-password = Current password
my-account-new-password = New password
my-account-save = Save
my-account-saved = Your account is saved.

## Edition & licences
admin-save = Save
admin-licences-title = Edition & licences
admin-licences-heading = Licences
admin-licences-edition = Edition
# The figures are wrapped in HTML: keep <strong> around the first one.
admin-licences-in-use = <strong>{ $used }</strong> of { $total } in use
admin-licences-note = Each active user holds one licence; deactivating someone frees theirs and keeps their history. Leaving Dream Team hides objectives and teams without deleting anything.
admin-licences-saved = Edition and licences saved.
admin-editions-heading = Editions
admin-editions-caption = Editions and what they include
admin-editions-objectives-teams = Sales objectives and teams
admin-editions-current = Current
admin-editions-at-most = At most { $max }
admin-editions-any-number = Any number
admin-editions-included = Included
admin-editions-not-included = Not included

## Users
admin-users-title = Users
admin-users-licences-in-use = { $used } of { $total } licences in use.
admin-users-created = User created.
admin-users-saved = User saved.
admin-users-transferred = Licence transferred.
admin-users-link-instructions = Send them this one-time link to set their password (valid 7 days, shown only now):
admin-users-copy-link = Copy link
admin-users-link-copied = Copied
admin-users-name = Name
admin-users-email = E-mail
admin-users-role = Role
admin-users-licence = Licence
admin-users-role-of = Role of { $name }
admin-users-change-role = Change
admin-users-active = Active
admin-users-deactivated = Deactivated
admin-users-deactivate = Deactivate
admin-users-end-sessions = Sign out everywhere
admin-users-end-sessions-of = Sign { $name } out everywhere
admin-users-reactivate = Reactivate
admin-users-add-heading = Add a user
admin-users-initial-password = Initial password
admin-users-link-option = Or leave the password empty and get a one-time link for them to set it
admin-users-add = Add user
admin-users-transfer-heading = Transfer a licence
admin-users-transfer-from = From (deactivated)
admin-users-transfer-to = To
admin-users-transfer-to-new = A new user (below)
admin-users-transfer-reactivated = { $name } (reactivated)
admin-users-new-name = New user's name
admin-users-new-email = New user's e-mail
admin-users-new-role = New user's role
admin-users-new-password = New user's initial password
admin-users-link-option-short = Or a one-time link instead
admin-users-transfer = Transfer
admin-users-choose-from = Choose who gives up their licence.
admin-users-choose-to = Choose who receives the licence.

## Teams
admin-teams-title = Teams
admin-teams-intro = Statistics filter by team. Managers read the whole account; a team manager who is not an admin still reads at least their teams.
admin-teams-name = Team name
admin-teams-rename = Rename
admin-teams-delete = Delete team
admin-teams-manager = Team manager
admin-teams-make-member = Make plain member
admin-teams-make-manager = Make team manager
admin-teams-remove = Remove
admin-teams-add = Add
admin-teams-add-member = Add member
admin-teams-new = New team
admin-teams-create = Create team
admin-teams-saved = Teams saved.

## Audit log
admin-audit-title = Audit log
admin-audit-empty = No change recorded yet.
admin-audit-when = When
admin-audit-who = Who
admin-audit-what = What
admin-audit-of = Of
admin-audit-from = From
admin-audit-to = To
admin-audit-system = system
admin-audit-pages = Pages
admin-audit-newer = ← Newer
admin-audit-older = Older →
admin-audit-edition-changed = edition changed
admin-audit-licences-changed = licences changed
admin-audit-user-created = user created
admin-audit-role-changed = role changed
admin-audit-user-deactivated = user deactivated
admin-audit-user-reactivated = user reactivated
admin-audit-objective-created = objective created
admin-audit-objective-changed = objective changed
admin-audit-objective-archived = objective archived
admin-audit-objective-restored = objective restored
admin-audit-target-set = target set
admin-audit-sessions-ended = signed out everywhere
admin-audit-target-subject = { $name } ({ $period }, from { $date })
admin-audit-holder-target-set = own target set
admin-audit-holder-target-subject = { $holder }: { $target }
admin-audit-objectives-target = the objective's target
admin-audit-value-active = active
admin-audit-value-inactive = inactive
admin-audit-value-archived = archived
admin-audit-value-activity = activity
admin-audit-value-sales = sales
error-recomputing-title = Figures being recomputed
error-recomputing-message = The account's figures are being recomputed in its new time zone ({ $percent }% done). Try again in a moment.
admin-audit-setting-changed = setting changed
admin-audit-holiday-set = holiday set
admin-audit-holiday-removed = holiday removed
admin-audit-holidays-imported = holidays imported
admin-audit-yes = yes
admin-audit-no = no
admin-users-deactivate-title = Deactivate this user?
admin-users-deactivate-named = Deactivate { $name }
admin-users-deactivate-question = { $name } is signed out at once and can no longer sign in; their licence is freed. Their leads, activities and past figures stay.
admin-users-deactivate-objectives = { $name } holds { $objectives }: they stay there, marked as deactivated, until you remove them.
admin-licences-review-submit = Review the change
admin-licences-review-title = Change the edition and licences?
admin-licences-review-edition = The edition goes from { $before } to { $after }.
admin-licences-review-objectives-hidden = { $count ->
    [one] Sales objectives are not in the new edition: the objective and its statistics leave everyone's menu until you return to Dream Team. Nothing is deleted.
   *[other] Sales objectives are not in the new edition: the { $count } objectives and their statistics leave everyone's menu until you return to Dream Team. Nothing is deleted.
}
admin-licences-review-objectives-shown = Sales objectives, their statistics and My objectives appear in the menu.
admin-licences-review-licences = Licences go from { $before } to { $after }.
admin-licences-review-nothing = Nothing changes: this is the edition and the number of licences the account has.
admin-licences-review-confirm = Make the change
admin-audit-team-target-set = team target set
admin-audit-value-revoked = revoked
admin-audit-api-token-created = API token made
admin-audit-api-token-revoked = API token revoked
