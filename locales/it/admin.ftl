# admin
# Accesso, link per impostare la password, pagine di errore, home, il mio account, edizione e licenze.

## Accesso
login-title = Accedi
login-intro = Imposta gli obiettivi, registra il tuo lavoro e scopri quanto ti manca per raggiungere ogni target.
login-email = E-mail
login-password = Password
login-submit = Accedi
login-language = Lingua
login-refused = E-mail o password errate.
login-choose-title = Scegli un account
login-choose-intro = Questa e-mail e questa password danno accesso a più di un account. Quale vuoi usare?
login-throttled = { $minutes ->
    [one] Troppi tentativi di accesso non riusciti da questa connessione. Per la tua sicurezza, riprova tra { $minutes } minuto.
   *[other] Troppi tentativi di accesso non riusciti da questa connessione. Per la tua sicurezza, riprova tra { $minutes } minuti.
}

## Link per impostare la password
password-link-title = Imposta la tua password
password-link-new = Nuova password
password-link-submit = Imposta la password
password-link-expired = Questo link è scaduto o è già stato usato: chiedine uno nuovo a un amministratore del tuo account.
password-hint-length = (almeno 8 caratteri)

## Pagine di errore
error-home-link = Vai alla pagina iniziale
error-refused-title = Operazione non possibile
error-csrf-title = Questo modulo è scaduto
error-csrf-message = Per la tua sicurezza il modulo non è stato accettato. Torna indietro, ricarica la pagina e riprova.
error-edition-title = Gli Obiettivi di vendita richiedono l'edizione Dream Team
error-edition-message = L'edizione di questo account non include gli Obiettivi di vendita. Non è stato eliminato nulla: quando un amministratore passa l'account all'edizione Dream Team da Edizione e licenze, tutti gli obiettivi e i dati tornano disponibili.
error-forbidden-title = Accesso negato
error-forbidden-message = Il tuo ruolo non dà accesso a questa pagina.
error-not-found-title = Pagina non trovata
error-not-found-message = Non c'è nulla a questo indirizzo, oppure non fa parte del tuo account.
error-method-title = Non consentito
error-method-message = Questo indirizzo non accetta richieste di questo tipo.
error-too-large-title = Troppo grande
error-too-large-message = I dati inviati sono troppo grandi.
error-bad-request-title = Richiesta non valida
error-bad-request-message = Non è stato possibile interpretare la richiesta. Controlla i dati inseriti e riprova.
error-internal-title = Si è verificato un errore
error-busy-title = Account momentaneamente occupato
error-internal-message = Si è verificato un errore imprevisto sul nostro server. Riprova tra qualche istante.

## Home
home-welcome = Ciao, { $name }
home-you = Il tuo profilo
home-role = Ruolo
home-teams = Team
home-no-team = Non fai ancora parte di nessun team
home-your-account = Il tuo account
home-edition = Edizione
home-time-zone = Fuso orario
home-week-start = Primo giorno della settimana
home-currency = Valuta
home-periods-note = Ogni periodo (giorno, settimana, mese, trimestre, anno) è calcolato in questo fuso orario.

## Il mio account
my-account-title = Il mio account
my-account-name = Nome
my-account-language = Lingua
my-account-language-default = Lingua dell'account ({ $language })
my-account-change-password = Cambia password
my-account-change-password-hint = (facoltativo; le tue altre sessioni vengono chiuse)
my-account-current-password = Password attuale
my-account-new-password = Nuova password
my-account-save = Salva
my-account-saved = Le modifiche al tuo account sono state salvate.

## Edizione e licenze
admin-save = Salva
admin-licences-title = Edizione e licenze
admin-licences-heading = Licenze
admin-licences-edition = Edizione
# Le cifre sono in HTML: lascia <strong> attorno alla prima.
admin-licences-in-use = <strong>{ $used }</strong> su { $total } in uso
admin-licences-note = Ogni utente attivo occupa una licenza; se disattivi un utente, la sua licenza si libera e il suo storico resta. Se l'account lascia Dream Team, obiettivi e team vengono nascosti, ma non viene eliminato nulla.
admin-licences-saved = Edizione e licenze salvate.
admin-editions-heading = Edizioni
admin-editions-caption = Le edizioni e cosa includono
admin-editions-objectives-teams = Obiettivi di vendita e team
admin-editions-current = Attuale
admin-editions-at-most = Al massimo { $max }
admin-editions-any-number = Senza limiti
admin-editions-included = Inclusi
admin-editions-not-included = Non inclusi

## Utenti
admin-users-title = Utenti
admin-users-licences-in-use = { $used } licenze su { $total } in uso.
admin-users-created = Utente creato.
admin-users-saved = Utente salvato.
admin-users-transferred = Licenza trasferita.
admin-users-link-instructions = Invia all'utente questo link monouso per impostare la password (valido 7 giorni, viene mostrato solo ora):
admin-users-copy-link = Copia il link
admin-users-link-copied = Copiato
admin-users-name = Nome
admin-users-email = E-mail
admin-users-role = Ruolo
admin-users-licence = Licenza
admin-users-role-of = Ruolo di { $name }
admin-users-change-role = Cambia
admin-users-active = Attivo
admin-users-deactivated = Disattivato
admin-users-deactivate = Disattiva
admin-users-end-sessions = Disconnetti da tutti i dispositivi
admin-users-end-sessions-of = Disconnetti { $name } da tutti i dispositivi
admin-users-reactivate = Riattiva
admin-users-add-heading = Aggiungi un utente
admin-users-initial-password = Password iniziale
admin-users-link-option = Oppure lascia vuota la password e ottieni un link monouso con cui l'utente potrà impostarla
admin-users-add = Aggiungi utente
admin-users-transfer-heading = Trasferisci una licenza
admin-users-transfer-from = Da (viene disattivato)
admin-users-transfer-to = A
admin-users-transfer-to-new = Un nuovo utente (qui sotto)
admin-users-transfer-reactivated = { $name } (viene riattivato)
admin-users-new-name = Nome del nuovo utente
admin-users-new-email = E-mail del nuovo utente
admin-users-new-role = Ruolo del nuovo utente
admin-users-new-password = Password iniziale del nuovo utente
admin-users-link-option-short = Oppure un link monouso
admin-users-transfer = Trasferisci
admin-users-choose-from = Scegli chi cede la propria licenza.
admin-users-choose-to = Scegli chi riceve la licenza.

## Team
admin-teams-title = Team
admin-teams-intro = Le statistiche si possono filtrare per team. I manager vedono tutto l'account; un responsabile di team che non è amministratore vede almeno i propri team.
admin-teams-name = Nome del team
admin-teams-rename = Rinomina
admin-teams-delete = Elimina team
admin-teams-manager = Responsabile del team
admin-teams-make-member = Rendi semplice membro
admin-teams-make-manager = Rendi responsabile del team
admin-teams-remove = Rimuovi
admin-teams-add = Aggiungi
admin-teams-add-member = Aggiungi membro
admin-teams-new = Nuovo team
admin-teams-create = Crea team
admin-teams-saved = Team salvati.

## Registro delle modifiche
admin-audit-title = Registro delle modifiche
admin-audit-empty = Nessuna modifica registrata finora.
admin-audit-when = Quando
admin-audit-who = Chi
admin-audit-what = Cosa
admin-audit-of = Oggetto
admin-audit-from = Da
admin-audit-to = A
admin-audit-system = sistema
admin-audit-pages = Pagine
admin-audit-newer = ← Più recenti
admin-audit-older = Meno recenti →
admin-audit-edition-changed = edizione modificata
admin-audit-licences-changed = licenze modificate
admin-audit-user-created = utente creato
admin-audit-role-changed = ruolo modificato
admin-audit-user-deactivated = utente disattivato
admin-audit-user-reactivated = utente riattivato
admin-audit-objective-created = obiettivo creato
admin-audit-objective-changed = obiettivo modificato
admin-audit-objective-archived = obiettivo archiviato
admin-audit-objective-restored = obiettivo ripristinato
admin-audit-target-set = target impostato
admin-audit-sessions-ended = disconnesso da tutti i dispositivi
admin-audit-target-subject = { $name } ({ $period }, dal { $date })
admin-audit-holder-target-set = target personale impostato
admin-audit-holder-target-subject = { $holder }: { $target }
admin-audit-objectives-target = il target dell'obiettivo
admin-audit-value-active = attivo
admin-audit-value-inactive = inattivo
admin-audit-value-archived = archiviato
admin-audit-value-activity = basato sull'attività
admin-audit-value-sales = basato sulla vendita
error-recomputing-title = Ricalcolo dei dati in corso
error-recomputing-message = I dati dell'account vengono ricalcolati nel nuovo fuso orario ({ $percent }% completato). Riprova tra qualche istante.
admin-audit-setting-changed = impostazione modificata
admin-audit-holiday-set = festività impostata
admin-audit-holiday-removed = festività rimossa
admin-audit-holidays-imported = festività importate
admin-audit-yes = sì
admin-audit-no = no
admin-users-deactivate-title = Disattivare questo utente?
admin-users-deactivate-named = Disattiva { $name }
admin-users-deactivate-question = { $name } viene disconnesso subito e non potrà più accedere; la sua licenza si libera. I suoi lead, le sue attività e i dati passati restano.
admin-users-deactivate-objectives = Obiettivi assegnati a { $name }: { $objectives }. Finché non lo rimuovi, resta tra gli assegnatari, segnato come disattivato.
admin-licences-review-submit = Rivedi la modifica
admin-licences-review-title = Cambiare edizione e licenze?
admin-licences-review-edition = L'edizione passa da { $before } a { $after }.
admin-licences-review-objectives-hidden = { $count ->
    [one] La nuova edizione non include gli obiettivi di vendita: l'obiettivo e le sue statistiche spariscono dal menu di tutti finché non torni a Dream Team. Non viene eliminato nulla.
   *[other] La nuova edizione non include gli obiettivi di vendita: i { $count } obiettivi e le loro statistiche spariscono dal menu di tutti finché non torni a Dream Team. Non viene eliminato nulla.
}
admin-licences-review-objectives-shown = Gli obiettivi di vendita, le loro statistiche e I miei obiettivi compaiono nel menu.
admin-licences-review-licences = Le licenze passano da { $before } a { $after }.
admin-licences-review-nothing = Non cambia nulla: sono già l'edizione e il numero di licenze dell'account.
admin-licences-review-confirm = Applica la modifica
admin-audit-team-target-set = target del team impostato
admin-audit-value-revoked = revocato
admin-audit-api-token-created = token API creato
admin-audit-api-token-revoked = token API revocato
