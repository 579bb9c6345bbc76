# control_panel
# Pannello di controllo: indice, impostazioni dell'account, team.
cp-title = Pannello di controllo
cp-sales-process = Processo di vendita
cp-index-objectives-about = obiettivi di fatturato e di attività, e a chi sono assegnati
cp-index-objectives-edition = — incluso nell'edizione Dream Team
cp-index-actions-about = le azioni che i venditori registrano e i loro risultati
cp-index-pipelines-about = dove si lavorano i lead
cp-index-import-about = attività storiche e lead vinti da file CSV
cp-account-settings = Impostazioni dell'account
cp-settings-account = Account
cp-settings-edition = Edizione
cp-settings-time-zone = Fuso orario
cp-settings-week-start = La settimana inizia di
cp-settings-currency = Valuta
cp-settings-language = Lingua
cp-weekday-monday = Lunedì
cp-weekday-tuesday = Martedì
cp-weekday-wednesday = Mercoledì
cp-weekday-thursday = Giovedì
cp-weekday-friday = Venerdì
cp-weekday-saturday = Sabato
cp-weekday-sunday = Domenica
cp-teams = Team
cp-teams-edition = I team fanno parte dell'edizione Dream Team. Un amministratore può cambiare l'edizione in Edizione e licenze.
cp-no-team = Ancora nessun team.
cp-no-members = Ancora nessun membro.
cp-team-manager = Responsabile del team

# Parole comuni alle pagine.
cp-name = Nome
cp-rename = Rinomina
cp-disable = Disattiva
cp-enable = Riattiva
cp-delete = Elimina
cp-disabled-action = Disattivata
cp-disabled-result = Disattivato
cp-move-up = Sposta { $name } in su
cp-move-down = Sposta { $name } in giù
cp-cancel = Annulla

# Azioni.
cp-actions-title = Azioni
cp-actions-intro = Le azioni che i venditori registrano, ciascuna con i suoi risultati. Un'azione o un risultato già usato si può disattivare, mai eliminare, così i dati passati mantengono il loro significato.
cp-action-name = Nome dell'azione
cp-result-name = Nome del risultato
cp-results = Risultati
cp-new-result = Nuovo risultato
cp-add-result = Aggiungi risultato
cp-add-an-action = Aggiungi un'azione
cp-add-action = Aggiungi azione
cp-actions-saved = Azioni salvate.

# Pipeline.
cp-pipelines-title = Pipeline
cp-pipeline-name = Nome della pipeline
cp-add-a-pipeline = Aggiungi una pipeline
cp-add-pipeline = Aggiungi pipeline
cp-pipelines-saved = Pipeline salvate.

# Importazione.
cp-import-title = Importa
cp-import-heading = Importa lo storico
cp-import-intro = Un'importazione è tutto o niente: se anche una sola riga è sbagliata non viene scritto nulla, e tutte le righe errate vengono elencate.
cp-import-nothing-imported = Non è stato importato nulla.
cp-import-correct-lines = Correggi queste righe e carica di nuovo il file:
cp-import-done-activities = { $lines ->
    [one] Importata 1 riga di attività.
   *[other] Importate { $lines } righe di attività.
}
cp-import-done-activities-created = { $lines ->
    [one] Importata 1 riga di attività, creando { $leads } lead e { $prospects } prospect.
   *[other] Importate { $lines } righe di attività, creando { $leads } lead e { $prospects } prospect.
}
cp-import-done-leads = { $lines ->
    [one] Importata 1 riga di lead.
   *[other] Importate { $lines } righe di lead.
}
cp-import-done-leads-created = { $lines ->
    [one] Importata 1 riga di lead, creando { $leads } lead e { $prospects } prospect.
   *[other] Importate { $lines } righe di lead, creando { $leads } lead e { $prospects } prospect.
}
cp-import-activities = Attività
cp-import-leads = Lead
# $header, $column e $format sono parole del CSV mostrate come codice: restano come sono.
cp-import-header = Intestazione: { $header }.
cp-import-activities-subject = { $column } è lead o prospect; un lead o un prospect mancante viene creato per il suo utente.
cp-import-activities-occurred-at = { $column } è in formato RFC 3339 con lo scostamento orario, oppure { $format } nel fuso orario dell'account.
cp-import-leads-won = Un lead vinto richiede un importo e { $column }; una valuta vuota indica quella dell'account, un'altra valuta viene rifiutata.
cp-import-csv-file = File CSV
cp-import-activities-button = Importa attività
cp-import-leads-button = Importa lead
cp-import-upload-unreadable = Non è stato possibile leggere il file caricato: { $error }
cp-import-choose-file = Scegli un file CSV da importare.
cp-import-too-large = Il file supera i 64 MiB: importalo dalla riga di comando.

# Obiettivi di vendita: l'elenco.
cp-objectives-title = Obiettivi di vendita
cp-new-objective = Nuovo obiettivo
cp-objectives-tabs = Obiettivi
cp-objectives-active = Attivi
cp-objectives-archived = Archiviati
cp-objectives-none-archived = Nessun obiettivo archiviato.
cp-objectives-none-yet = Ancora nessun obiettivo. Creane uno, per esempio 10 chiamate con risposta al giorno o 50.000 di fatturato all'anno, poi assegnalo ai tuoi venditori.
cp-objective = Obiettivo
cp-kind = Tipo
cp-counts = Cosa conta
cp-targets = Target
cp-assignees = Assegnatari
# Un target in vigore, come lo mostra l'elenco: "Giorno: 10".
cp-period-target = { $period }: { $target }
# Cosa conta un obiettivo di attività: "Chiamata: Risposta — Prospect e lead".
cp-counts-activity = { $action }: { $results } — { $context }
cp-all-results = tutti i risultati
cp-all-pipelines = Tutte le pipeline

# Obiettivi di vendita: l'editor.
cp-edit-objective = Modifica obiettivo
cp-crumb-edit = Modifica
cp-crumb-new = Nuovo
cp-show-fields = Mostra i suoi campi
cp-action = Azione
cp-choose-action = Scegli un'azione…
cp-show-results = Mostra i suoi risultati
cp-results-that-count = Risultati che contano
cp-choose-action-first = Scegli un'azione per vederne i risultati.
cp-select-all-results = Seleziona tutti i risultati (l'intera azione, compresi i risultati aggiunti in seguito)
cp-done-on = Attività registrate su
cp-measure = Misura
cp-revenue-in = Fatturato ({ $currency })
cp-pipeline = Pipeline
cp-period-targets = Target per periodo
cp-period-targets-note = (uno o due; una modifica vale dal periodo in corso in poi)
cp-targets-hint = Un numero di volte, ad esempio 10; per il fatturato, un importo come 1.250,50.
cp-period = Periodo
cp-second-period = Secondo periodo
cp-optional = (facoltativo)
cp-no-period = Nessuno
cp-target = Target
cp-save-objective = Salva obiettivo
cp-objective-created = Obiettivo creato: ora assegnalo.
cp-objective-saved = Obiettivo salvato.

# Obiettivi di vendita: la pagina di un obiettivo.
cp-archived-badge = Archiviato
cp-edit = Modifica
cp-archive = Archivia
cp-restore = Ripristina
cp-what-it-counts = Cosa conta
cp-target-history = Storico dei target
cp-target-history-about = Un target vale dall'inizio del periodo in cui è stato impostato; i periodi chiusi mantengono il target allora in vigore, e i periodi precedenti al primo target usano il primo.
cp-from = Dal
cp-from-the-start = l'inizio
cp-set-on = Impostato il
cp-assigned-to = Assegnato a
cp-too-many-objectives = Troppi obiettivi demotivano.
cp-holder-holds = { $count ->
    [one] { $name } ha 1 obiettivo.
   *[other] { $name } ha { $count } obiettivi.
}
cp-nobody-holds = Nessuno ha ancora questo obiettivo: scegli qui sotto degli utenti o un intero team.
cp-deactivated = Disattivato
cp-objective-count = { $count ->
    [one] 1 obiettivo
   *[other] { $count } obiettivi
}
cp-remove = Rimuovi
cp-remove-holder = Rimuovi { $name }
cp-assign-to-users = Assegna a degli utenti
cp-already-assigned = (già assegnato)
cp-assign = Assegna
cp-assign-to-team = Assegna a un intero team
cp-assign-to-the-team = Assegna al team
cp-assigned-to-users = { $count ->
    [one] Assegnato a 1 utente.
   *[other] Assegnato a { $count } utenti.
}
cp-assignment-removed = Assegnazione rimossa.
cp-objective-archived = Obiettivo archiviato: resta fuori dalle statistiche finché non viene ripristinato.
cp-objective-restored = Obiettivo ripristinato.
cp-settings-title = Impostazioni dell'account
cp-index-settings-about = nome, lingua, valuta, fuso orario, esercizio, giorni lavorativi e festività
cp-settings-fiscal-year-start = L'esercizio inizia a
cp-settings-fiscal-year-note = Trimestri e anni di ogni obiettivo lo seguono; se non inizia a gennaio prendono il nome dell'esercizio (1º trimestre esercizio 2027).
cp-settings-working-days = Giorni lavorativi
cp-settings-working-days-note = Il ritmo conta solo i giorni lavorativi: "atteso a oggi" e "necessario per giorno lavorativo restante" escludono gli altri giorni e le festività.
cp-settings-currency-note = Si può cambiare finché non è registrato alcun importo: gli importi non vengono mai convertiti.
cp-settings-currency-fixed = Ci sono importi registrati in { $currency }: la valuta non si può più cambiare (gli importi non vengono mai convertiti).
cp-settings-time-zone-note = Un nome IANA come Europe/Rome. Un nuovo fuso ricalcola ogni cifra come se l'account l'avesse sempre avuto.
cp-settings-saved = Impostazioni salvate.
cp-settings-saved-rebuilding = Impostazioni salvate. Le cifre vengono ricalcolate nel nuovo fuso orario.
cp-rebuild-title = Ricalcolo delle cifre in corso
cp-rebuild-running = Ogni attività e ogni lead vinto vengono contati di nuovo in { $zone }.
cp-rebuild-meanwhile = Le statistiche tornano quando ha finito; intanto il team può continuare a registrare.
cp-rebuild-refresh = Aggiorna
cp-rebuild-done = Ogni cifra è ora contata in { $zone }.
cp-holidays = Festività
cp-holidays-note = Giorni in cui nessuno deve lavorare: il ritmo non li conta.
cp-holidays-none = Ancora nessuna festività.
cp-holiday-date = Data
cp-holiday-name = Nome
cp-holiday-remove = Rimuovi
cp-holiday-add = Aggiungi una festività
cp-holiday-add-button = Aggiungi festività
cp-holidays-import = Importa festività da un file CSV
cp-holiday-saved = Festività salvata.
cp-holiday-removed = Festività rimossa.
cp-import-holidays = Festività
cp-import-holidays-date = Le date sono { $format }; una data già presente prende il nuovo nome.
cp-import-holidays-button = Importa festività
cp-import-done-holidays = { $lines ->
    [one] Importata { $lines } festività.
   *[other] Importate { $lines } festività.
}
cp-settings-change = Cambia le impostazioni
cp-settings-account-and-calendar = L'account e il suo calendario
cp-settings-reps-see-leaderboard = I rep possono vedere la classifica
cp-settings-reps-see-leaderboard-note = Vedono allora nomi e posizioni dei colleghi in I miei obiettivi, mai i loro importi o percentuali.
cp-assign-include-managers = Anche i suoi manager (di norma solo i rep)
cp-archive-title = Archiviare questo obiettivo?
cp-archive-question = { $count ->
    [one] Archiviando «{ $name }» sparisce dalla dashboard, da I miei obiettivi e dall'esportazione per il suo assegnatario. Impostazioni e risultati restano: ripristinalo per mostrarlo di nuovo.
   *[other] Archiviando «{ $name }» sparisce dalla dashboard, da I miei obiettivi e dall'esportazione per i suoi { $count } assegnatari. Impostazioni e risultati restano: ripristinalo per mostrarlo di nuovo.
}
cp-remove-holder-title = Rimuovere questo assegnatario?
cp-remove-holder-question = { $name } non avrà più l'obiettivo «{ $objective }»: i suoi risultati non compariranno più nella dashboard, nel dettaglio, nell'esportazione e nella sua pagina I miei obiettivi, in nessun periodo. Il suo lavoro resta registrato: riassegnandogli l'obiettivo, i risultati tornano.
